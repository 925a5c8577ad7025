package vn.academicledger.issuer.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * Who may call what. Three filter chains:
 * <ol>
 *   <li>the embedded authorization server's endpoints ({@code /oauth2/**}, OpenID discovery), on by default;</li>
 *   <li>the APIs ({@code /api/**}, VC-API {@code /credentials/**}): stateless, bearer tokens only,
 *       RFC 9457 problems for 401 and 403;</li>
 *   <li>everything else: public pages (status lists, OpenAPI, health) and, with the embedded server,
 *       the browser sign-in form.</li>
 * </ol>
 * Tokens carry the account's role and, for school roles, its school code, in the claims
 * {@link TokenClaims} is told ({@code role} and {@code school_code} by default, which is what the
 * embedded server writes); controllers check the school through {@link Caller#require}.
 *
 * <p>With {@code issuer.auth.embedded-server=false} the service is a resource server only: no
 * {@code /oauth2/**} endpoint, no sign-in form, no local accounts; Spring Boot builds the token
 * decoder from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}),
 * and {@code issuer.auth.audience}, when set, must be in each token's {@code aud}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    static final String ROLE_CLAIM = "role";
    static final String SCHOOL_CLAIM = "school_code";

    private static final String EMBEDDED_SERVER = "issuer.auth.embedded-server";

    /**
     * Where tokens name role and school. The embedded server always writes {@value #ROLE_CLAIM} and
     * {@value #SCHOOL_CLAIM}; {@code issuer.auth.role-claim} and {@code school-claim} describe an
     * external provider's tokens. Bound here from {@code issuer.auth.*} so controller slices need no other bean.
     */
    @Bean
    TokenClaims callerClaims(Environment environment) {
        IssuerProperties.Auth auth = auth(environment);
        return auth.embeddedServer() ? new TokenClaims(ROLE_CLAIM, SCHOOL_CLAIM) : TokenClaims.of(auth);
    }

    private static IssuerProperties.Auth auth(Environment environment) {
        return Binder.get(environment).bindOrCreate("issuer.auth", IssuerProperties.Auth.class);
    }

    @Bean
    CallerResolver callerResolver(TokenClaims claims) {
        return new CallerResolver(claims);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(r -> r.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems, TokenClaims claims) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(claims::authorities);
        http.securityMatcher("/api/**", "/credentials/**")
                .authorizeHttpRequests(r -> r.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                    @Value("${" + EMBEDDED_SERVER + ":true}") boolean embeddedServer) throws Exception {
        http.authorizeHttpRequests(r -> r
                .requestMatchers("/", "/status-lists/**", "/qr/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/error", "/login",
                        "/favicon.ico", "/css/**")
                .permitAll()
                .anyRequest().authenticated());
        if (embeddedServer) {
            http.formLogin(Customizer.withDefaults());
        } else {
            // Accounts live at the external provider: no sign-in form, no session, nothing to forge a
            // request against; anything not public answers 401 as problem details.
            http.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable());
        }
        return http.build();
    }

    /** An external provider's tokens must name this service in {@code aud} when {@code issuer.auth.audience} is set. */
    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "false")
    OAuth2TokenValidator<Jwt> audienceValidator(Environment environment) {
        String audience = auth(environment).audience();
        if (audience == null) {
            return jwt -> OAuth2TokenValidatorResult.success();
        }
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    UserDetailsService users(Accounts accounts) {
        return username -> accounts.find(username)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash())
                        .authorities(a.role().authority()).disabled(!a.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    // ---- the embedded authorization server ----

    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    RegisteredClientRepository registeredClients(Accounts accounts, IssuerProperties properties) {
        return new AccountClients(accounts, properties.auth().tokenTtl(), properties.publicBaseUrl().toString());
    }

    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    JWKSource<SecurityContext> jwkSource(IssuerProperties properties) throws com.nimbusds.jose.JOSEException {
        KeyPair pair = TokenSigningKey.loadOrCreate(properties.issuerDir().resolve("oauth-token-signing.key"));
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyIDFromThumbprint()
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, Accounts accounts) {
        org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder =
                (org.springframework.security.oauth2.jwt.NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        // Signature and expiry, and the account must still be enabled: disabling an account ends its
        // tokens at once, not when they expire.
        OAuth2TokenValidator<Jwt> validator = new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefault(),
                jwt -> accounts.find(jwt.getSubject()).map(Accounts.Account::enabled).orElse(true)
                        ? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
                        : org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
                                new org.springframework.security.oauth2.core.OAuth2Error("invalid_token",
                                        "the account " + jwt.getSubject() + " is disabled", null)));
        decoder.setJwtValidator(validator);
        // Each token's signature is verified once; expiry and the account are checked on every call.
        return new VerifiedTokenCache(decoder, validator, 4096);
    }

    /**
     * No observation (timers, spans) around each security filter, authentication and authorization:
     * nothing here exports them (the only actuator endpoint is health), and each request paid for
     * wrapping every filter of its chain.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.publicBaseUrl().toString()).build();
    }

    /** Every access token names the account's role and school; every token issued is a login in the audit log. */
    @Bean
    @ConditionalOnProperty(name = EMBEDDED_SERVER, havingValue = "true", matchIfMissing = true)
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(Accounts accounts, AuditLog audit) {
        return context -> {
            String name = context.getPrincipal().getName();
            Optional<Accounts.Account> account = accounts.find(name);
            if (account.isEmpty()) {
                return;
            }
            Accounts.Account a = account.get();
            context.getClaims().subject(a.username());
            context.getClaims().claim(ROLE_CLAIM, a.role().name());
            context.getClaims().claim("name", a.displayName());
            if (a.schoolCode() != null) {
                context.getClaims().claim(SCHOOL_CLAIM, a.schoolCode());
            }
            if ("access_token".equals(context.getTokenType().getValue())) {
                audit.record(a.username(), a.role().name(), remoteAddr(), AuditLog.Action.LOGIN, a.schoolCode(),
                        context.getAuthorizationGrantType().getValue(), AuditLog.Outcome.SUCCESS, Map.of());
            }
        };
    }

    static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
