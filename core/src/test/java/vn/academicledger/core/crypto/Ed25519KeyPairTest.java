package vn.academicledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;

class Ed25519KeyPairTest {
    // RFC 8032 section 7.1, TEST 2.
    private static final String RFC8032_SECRET = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private static final String RFC8032_PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private static final String RFC8032_SIGNATURE = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    // W3C vc-di-eddsa TestVectors/keyPair.json.
    private static final String W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    @Test
    void signs_the_rfc8032_test_vector() {
        Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Hex.decode(RFC8032_SECRET));

        assertThat(Hex.encode(key.publicKey().bytes())).isEqualTo(RFC8032_PUBLIC);
        byte[] signature = key.sign(Hex.decode("72"));
        assertThat(Hex.encode(signature)).isEqualTo(RFC8032_SIGNATURE);
        assertThat(key.publicKey().verify(Hex.decode("72"), signature)).isTrue();
        assertThat(key.publicKey().verify(Hex.decode("73"), signature)).isFalse();
    }

    @Test
    void reads_the_w3c_test_key_pair_from_its_multikey_form() {
        Ed25519KeyPair key = Ed25519KeyPair.fromSecretKeyMultibase(W3C_SECRET);

        assertThat(key.publicKey().multibase()).isEqualTo(W3C_PUBLIC);
        assertThat(key.secretKeyMultibase()).isEqualTo(W3C_SECRET);
        assertThat(Ed25519PublicKey.fromMultibase(W3C_PUBLIC)).isEqualTo(key.publicKey());
    }

    @Test
    void encodes_multikeys_with_their_multicodec_headers() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();

        assertThat(key.publicKey().multibase()).startsWith("z6Mk");
        assertThat(key.secretKeyMultibase()).startsWith("z3u2");
        assertThat(Multibase.decodeBase58Btc(key.publicKey().multibase())).startsWith(0xed, 0x01).hasSize(34);
        assertThat(Multibase.decodeBase58Btc(key.secretKeyMultibase())).startsWith(0x80, 0x26).hasSize(34);
    }

    @Test
    void refuses_a_secret_key_where_a_public_key_is_expected() {
        assertThatThrownBy(() -> Ed25519PublicKey.fromMultibase(W3C_SECRET))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0xed01");
        assertThatThrownBy(() -> Ed25519KeyPair.fromSecretKeyMultibase(W3C_PUBLIC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0x8026");
    }

    @Test
    void saves_a_key_readable_by_its_owner_only_and_loads_it_back(@TempDir Path dir) throws Exception {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        Path file = dir.resolve("school.key");

        key.save(file);

        assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(key.secretKeyMultibase());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Ed25519KeyPair.load(file).publicKey()).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> key.save(file)).isInstanceOf(AcademicLedgerException.class)
                .hasMessageContaining("Refusing to overwrite");
    }

    @Test
    void never_prints_the_secret() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();

        assertThat(key.toString()).doesNotContain(key.secretKeyMultibase()).contains(key.publicKey().multibase());
    }

    @Test
    void rejects_signatures_of_the_wrong_length() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();

        assertThat(key.publicKey().verify(new byte[] {1}, new byte[63])).isFalse();
    }
}
