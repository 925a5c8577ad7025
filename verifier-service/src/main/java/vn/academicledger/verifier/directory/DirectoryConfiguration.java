package vn.academicledger.verifier.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.verifier.system.VerifierProperties;

/** The embedded directory (folder + HMAC tokens), unless another {@link CredentialDirectory} is provided. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryConfiguration.class);

    @Bean
    AccessTokens accessTokens(VerifierProperties properties) {
        return AccessTokens.fromSecretFile(properties.tokenSecretFile());
    }

    @Bean
    @ConditionalOnMissingBean(CredentialDirectory.class)
    CredentialDirectory credentialDirectory(VerifierProperties properties, AccessTokens tokens) {
        LOG.info("Credentials behind QR codes: {}", properties.directory().credentials().toAbsolutePath());
        FolderCredentialDirectory folder = new FolderCredentialDirectory(properties.directory().credentials(), tokens);
        if (properties.directory().issuerUrl() == null) {
            return folder;
        }
        LOG.info("... and the issuer service at {}", properties.directory().issuerUrl());
        return new IssuerCredentialDirectory(folder, properties.directory().issuerUrl(), tokens);
    }
}
