package vn.academicledger.issuer.security;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The embedded authorization server's clients: every account is also a confidential client (its
 * username and password as client id and secret, grant {@code client_credentials}), which is how
 * scripts, tests and the benchmark sign in; and one public client, {@value #WEB_CLIENT_ID}, for
 * people signing in through a browser (authorization code with PKCE; Swagger UI uses it).
 */
final class AccountClients implements RegisteredClientRepository {
    static final String WEB_CLIENT_ID = "academic-ledger-web";

    private final Accounts accounts;
    private final Duration tokenTtl;
    private final RegisteredClient webClient;

    AccountClients(Accounts accounts, Duration tokenTtl, String publicBaseUrl) {
        this.accounts = accounts;
        this.tokenTtl = tokenTtl;
        this.webClient = RegisteredClient.withId(WEB_CLIENT_ID)
                .clientId(WEB_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(publicBaseUrl + "/swagger-ui/oauth2-redirect.html")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are accounts: create an account instead");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (WEB_CLIENT_ID.equals(clientId)) {
            return webClient;
        }
        return accounts.find(clientId)
                .filter(Accounts.Account::enabled)
                .map(a -> RegisteredClient.withId(a.username())
                        .clientId(a.username())
                        .clientSecret(a.passwordHash())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                        .build())
                .orElse(null);
    }
}
