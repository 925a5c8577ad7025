package vn.academicledger.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.error.InvalidInputException;

class DidResolutionTest {
    private static final String SCHOOL = "did:web:truong-thpt-le-quy-don.hcm.edu.vn";
    private final Ed25519KeyPair key = Ed25519KeyPair.generate();

    @Nested
    class DidKeyResolution {
        @Test
        void resolves_the_w3c_test_key() {
            String id = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

            VerificationMethod method = DidResolver.didKey().resolve(id);

            assertThat(method.id()).isEqualTo(id);
            assertThat(method.controller()).isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
            assertThat(method.publicKey()).isEqualTo(Ed25519PublicKey.fromMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
            assertThat(method.authorizedFor(VerificationMethod.ASSERTION_METHOD)).isTrue();
        }

        @Test
        void builds_the_did_and_verification_method_of_a_key() {
            String multibase = key.publicKey().multibase();

            assertThat(DidKey.did(key.publicKey())).isEqualTo("did:key:" + multibase);
            assertThat(DidKey.verificationMethodId(key.publicKey())).isEqualTo("did:key:" + multibase + "#" + multibase);
            assertThat(DidResolver.didKey().resolve(DidKey.verificationMethodId(key.publicKey())).publicKey())
                    .isEqualTo(key.publicKey());
        }

        @Test
        void refuses_other_did_methods_and_non_ed25519_keys() {
            assertThatThrownBy(() -> DidResolver.didKey().resolve(SCHOOL + "#key-1"))
                    .isInstanceOfSatisfying(DidResolutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(DidResolutionException.Reason.DID_NOT_RESOLVABLE));
            // a P-256 did:key (zDna…) from the W3C vectors
            assertThatThrownBy(() -> DidResolver.didKey().resolve("did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76"))
                    .isInstanceOf(DidResolutionException.class).hasMessageContaining("Ed25519");
        }

        @Test
        void refuses_a_fragment_that_is_not_the_keys_own() {
            String did = DidKey.did(key.publicKey());

            assertThatThrownBy(() -> DidResolver.didKey().resolve(did + "#key-1"))
                    .isInstanceOfSatisfying(DidResolutionException.class, e -> assertThat(e.reason())
                            .isEqualTo(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND));
        }
    }

    @Nested
    class DidWebDocuments {
        @Test
        void builds_a_school_did_from_its_domain() {
            assertThat(DidWeb.didForDomain("Truong-THPT-Le-Quy-Don.hcm.edu.vn")).isEqualTo(SCHOOL);
            assertThat(DidWeb.didForDomain("trường-lê-quý-đôn.edu.vn")).startsWith("did:web:xn--");
            assertThatThrownBy(() -> DidWeb.didForDomain("not a domain")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> DidWeb.didForDomain("localhost")).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void builds_a_did_document_with_a_multikey_assertion_method() {
            ObjectNode document = DidWeb.document(SCHOOL, key.publicKey(), "key-1");

            assertThat(document.get("@context").toString())
                    .isEqualTo("[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"]");
            assertThat(document.get("id").textValue()).isEqualTo(SCHOOL);
            assertThat(document.at("/verificationMethod/0/type").textValue()).isEqualTo("Multikey");
            assertThat(document.at("/verificationMethod/0/controller").textValue()).isEqualTo(SCHOOL);
            assertThat(document.at("/verificationMethod/0/publicKeyMultibase").textValue()).isEqualTo(key.publicKey().multibase());
            assertThat(document.at("/assertionMethod/0").textValue()).isEqualTo(SCHOOL + "#key-1");
        }

        @Test
        void resolves_a_registered_school_key_and_says_what_it_may_do() {
            DidDocumentStore store = new DidDocumentStore();
            store.put(DidWeb.document(SCHOOL, key.publicKey(), "key-1"));

            VerificationMethod method = store.resolve(SCHOOL + "#key-1");

            assertThat(method.publicKey()).isEqualTo(key.publicKey());
            assertThat(method.controller()).isEqualTo(SCHOOL);
            assertThat(method.relationships()).containsExactly("assertionMethod");
            assertThat(store.dids()).containsExactly(SCHOOL);
        }

        @Test
        void says_clearly_when_a_did_is_unknown_or_a_key_is_missing() {
            DidDocumentStore store = new DidDocumentStore();
            store.put(DidWeb.document(SCHOOL, key.publicKey(), "key-1"));

            assertThatThrownBy(() -> store.resolve("did:web:other-school.hcm.edu.vn#key-1"))
                    .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DidResolutionException.Reason.DID_NOT_RESOLVABLE);
                        assertThat(e.code()).isEqualTo("DID_NOT_RESOLVABLE");
                    })
                    .hasMessageContaining("No DID document is stored for did:web:other-school.hcm.edu.vn");
            assertThatThrownBy(() -> store.resolve(SCHOOL + "#key-9"))
                    .isInstanceOfSatisfying(DidResolutionException.class, e -> assertThat(e.reason())
                            .isEqualTo(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND))
                    .hasMessageContaining(SCHOOL + "#key-1");
        }

        @Test
        void accepts_relative_ids_and_embedded_methods() throws Exception {
            ObjectNode document = (ObjectNode) new ObjectMapper().readTree("""
                    {"id": "did:web:school.hcm.edu.vn",
                     "verificationMethod": [{"id": "#key-1", "type": "Multikey", "controller": "did:web:school.hcm.edu.vn",
                                             "publicKeyMultibase": "%s"}],
                     "assertionMethod": ["#key-1"],
                     "authentication": [{"id": "#key-2", "type": "Multikey", "controller": "did:web:school.hcm.edu.vn",
                                         "publicKeyMultibase": "%s"}]}
                    """.formatted(key.publicKey().multibase(), Ed25519KeyPair.generate().publicKey().multibase()));
            DidDocumentStore store = new DidDocumentStore();
            store.put(document);

            assertThat(store.resolve("did:web:school.hcm.edu.vn#key-1").authorizedFor("assertionMethod")).isTrue();
            assertThat(store.resolve("did:web:school.hcm.edu.vn#key-2").authorizedFor("assertionMethod")).isFalse();
        }

        @Test
        void refuses_malformed_documents() throws Exception {
            DidDocumentStore store = new DidDocumentStore();
            ObjectMapper json = new ObjectMapper();

            assertThatThrownBy(() -> store.put(json.readTree("{\"id\": \"https://school.example\"}")))
                    .isInstanceOf(DidResolutionException.class).hasMessageContaining("'id' that is a DID");
            assertThatThrownBy(() -> store.put(json.readTree(
                    "{\"id\": \"did:web:a.vn\", \"assertionMethod\": [\"#key-1\"]}")))
                    .isInstanceOf(DidResolutionException.class).hasMessageContaining("does not declare it");
            assertThatThrownBy(() -> store.put(json.readTree("""
                    {"id": "did:web:a.vn", "verificationMethod": [{"id": "#k", "type": "JsonWebKey2020",
                     "controller": "did:web:a.vn", "publicKeyJwk": {}}]}""")))
                    .isInstanceOf(DidResolutionException.class).hasMessageContaining("only Ed25519");
        }

        @Test
        void loads_did_documents_from_a_directory(@TempDir Path dir) throws Exception {
            ObjectMapper json = new ObjectMapper();
            Files.writeString(dir.resolve("le-quy-don.json"),
                    json.writeValueAsString(DidWeb.document(SCHOOL, key.publicKey(), "key-1")));
            Files.writeString(dir.resolve("notes.txt"), "not a DID document");

            DidDocumentStore store = DidDocumentStore.fromDirectory(dir);

            assertThat(store.resolve(SCHOOL + "#key-1").publicKey()).isEqualTo(key.publicKey());
        }

        @Test
        void names_the_file_of_a_broken_document(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("broken.json"), "{\"id\": 42}");

            assertThatThrownBy(() -> DidDocumentStore.fromDirectory(dir))
                    .isInstanceOf(DidResolutionException.class).hasMessageContaining("broken.json");
        }
    }

    @Test
    void chains_resolvers_only_past_unknown_dids() {
        DidDocumentStore store = new DidDocumentStore();
        store.put(DidWeb.document(SCHOOL, key.publicKey(), "key-1"));
        DidResolver resolver = store.or(DidResolver.didKey());

        assertThat(resolver.resolve(SCHOOL + "#key-1").publicKey()).isEqualTo(key.publicKey());
        assertThat(resolver.resolve(DidKey.verificationMethodId(key.publicKey())).controller())
                .isEqualTo(DidKey.did(key.publicKey()));
        assertThatThrownBy(() -> resolver.resolve(SCHOOL + "#key-2"))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> assertThat(e.reason())
                        .isEqualTo(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND));
    }
}
