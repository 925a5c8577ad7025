package vn.academicledger.core.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519KeyPair;

/** The W3C vc-di-eddsa test vectors (see src/test/resources/vectors/SOURCES.md). */
final class Vectors {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String VERIFICATION_METHOD =
            "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    private Vectors() {
    }

    static String text(String path) {
        return resource("/vectors/vc-di-eddsa/" + path);
    }

    /** A test resource by its absolute path, e.g. /vectors/digitalbazaar/did.json. */
    static String resource(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String path) {
        return parse(text(path));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ed25519KeyPair keyPair() {
        return Ed25519KeyPair.fromSecretKeyMultibase(json("keyPair.json").get("privateKeyMultibase").textValue());
    }

    static Ed25519KeyPair proofSetKey(int n) {
        return Ed25519KeyPair.fromSecretKeyMultibase(
                json("proof-set-chain/multiKeyPairs.json").get("keyPair" + n).get("privateKeyMultibase").textValue());
    }
}
