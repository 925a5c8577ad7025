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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
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
 *   <li>everything else: public pages (status lists, OpenAPI, health) and the browser sign-in form.</li>
 * </ol>
 * Tokens carry the account's {@code role} and, for school roles, {@code school_code}; controllers
 * check the school through {@link Caller#require}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    static final String ROLE_CLAIM = "role";
    static final String SCHOOL_CLAIM = "school_code";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
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
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
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
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(r -> r
                        .requestMatchers("/", "/status-lists/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/error", "/login",
                                "/favicon.ico", "/css/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    static List<GrantedAuthority> authorities(Jwt jwt) {
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (role == null) {
            return List.of();
        }
        try {
            return List.of(new SimpleGrantedAuthority(Role.valueOf(role).authority()));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Bean
    UserDetailsService users(Accounts accounts) {
        return username -> accounts.find(username)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash())
                        .authorities(a.role().authority()).disabled(!a.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    // ---- the embedded authorization server ----

    @Bean
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
    RegisteredClientRepository registeredClients(Accounts accounts, IssuerProperties properties) {
        return new AccountClients(accounts, properties.auth().tokenTtl(), properties.publicBaseUrl().toString());
    }

    @Bean
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
    JWKSource<SecurityContext> jwkSource(IssuerProperties properties) throws com.nimbusds.jose.JOSEException {
        KeyPair pair = TokenSigningKey.loadOrCreate(properties.issuerDir().resolve("oauth-token-signing.key"));
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyIDFromThumbprint()
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, Accounts accounts) {
        org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder =
                (org.springframework.security.oauth2.jwt.NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        // Signature and expiry, and the account must still be enabled: disabling an account ends its
        // tokens at once, not when they expire.
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefault(),
                jwt -> accounts.find(jwt.getSubject()).map(Accounts.Account::enabled).orElse(true)
                        ? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
                        : org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
                                new org.springframework.security.oauth2.core.OAuth2Error("invalid_token",
                                        "the account " + jwt.getSubject() + " is disabled", null))));
        return decoder;
    }

    @Bean
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.publicBaseUrl().toString()).build();
    }

    /** Every access token names the account's role and school; every token issued is a login in the audit log. */
    @Bean
    @ConditionalOnProperty(name = "issuer.auth.embedded-server", havingValue = "true", matchIfMissing = true)
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
