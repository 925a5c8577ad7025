package vn.academicledger.issuer.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import vn.academicledger.crypto.PemFiles;

/**
 * The embedded authorization server's token signing key (RSA 2048), generated on first start and
 * kept owner-only in the data folder (crypto-material's {@link PemFiles}), so tokens stay valid across
 * restarts. Never in git.
 */
final class TokenSigningKey {
    private TokenSigningKey() {
    }

    static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) PemFiles.readPrivateKey(file, "RSA");
                RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                return new KeyPair(publicKey, privateKey);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            PemFiles.writePrivateKey(file, pair.getPrivate());
            return pair;
        } catch (GeneralSecurityException | ClassCastException | IllegalStateException e) {
            throw new IllegalStateException("The token signing key " + file + " is not an RSA private key; delete it to make a new one", e);
        }
    }
}
