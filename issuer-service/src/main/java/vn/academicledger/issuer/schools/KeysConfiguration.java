package vn.academicledger.issuer.schools;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.issuer.keys.SchoolKeys;
import vn.academicledger.issuer.keys.SchoolKeysProperties;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * Each school's signing key: a PKCS#12 file under {@code <dataDir>/issuer/keys} by default, or a
 * PKCS#11 token (an HSM) as {@code issuer.keys.schools.<code>.store=PKCS11} configures it.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {
    @Bean(destroyMethod = "close")
    SchoolKeys schoolKeys(SchoolKeysProperties properties, IssuerProperties issuer) {
        return new SchoolKeys(properties, issuer.issuerDir().resolve("keys"));
    }

    @Bean
    SigningKeys signingKeys(SchoolKeys keys) {
        return new SigningKeys() {
            @Override
            public SigningKey signingKey(String schoolCode) {
                return keys.signingKey(schoolCode);
            }

            @Override
            public SigningKey rotate(String schoolCode) {
                return keys.rotate(schoolCode);
            }
        };
    }
}
