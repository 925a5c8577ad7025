package vn.academicledger.issuer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {
    private final AtomicInteger decoded = new AtomicInteger();
    private final Set<String> disabled = new HashSet<>();
    private final OAuth2TokenValidator<Jwt> validator = jwt -> disabled.contains(jwt.getSubject())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the account " + jwt.getSubject() + " is disabled", null))
            : OAuth2TokenValidatorResult.success();
    /** Stands in for the signature check: tokens starting with "bad" fail it; the subject is the token's text. */
    private final JwtDecoder delegate = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        OAuth2TokenValidatorResult r = validator.validate(jwt);
        if (r.hasErrors()) {
            throw new JwtValidationException("invalid", r.getErrors());
        }
        return jwt;
    };

    @Test
    void aTokenIsVerifiedOnceThenOnlyValidated() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, validator, 10);
        Jwt first = cache.decode("so.issuer");
        assertSame(first, cache.decode("so.issuer"));
        assertSame(first, cache.decode("so.issuer"));
        assertEquals(1, decoded.get());
    }

    @Test
    void aRejectedTokenIsNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, validator, 10);
        assertThrows(BadJwtException.class, () -> cache.decode("bad.token"));
        assertThrows(BadJwtException.class, () -> cache.decode("bad.token"));
        assertEquals(2, decoded.get());
        assertEquals(0, cache.size());
    }

    @Test
    void disablingTheAccountEndsAKeptTokenAtOnce() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, validator, 10);
        cache.decode("so.signer");
        disabled.add("so.signer");
        JwtValidationException e = assertThrows(JwtValidationException.class, () -> cache.decode("so.signer"));
        assertTrue(e.getMessage().contains("disabled"), e.getMessage());
        assertEquals(0, cache.size());
        // Asked again, the token goes to the full check, which refuses it too.
        assertThrows(JwtValidationException.class, () -> cache.decode("so.signer"));
        assertEquals(2, decoded.get());
    }

    @Test
    void keepsAtMostItsCapacity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, validator, 3);
        for (int i = 0; i < 10; i++) {
            cache.decode("token-" + i);
        }
        assertEquals(3, cache.size());
        cache.decode("token-9");
        assertEquals(10, decoded.get());
        cache.decode("token-0");
        assertEquals(11, decoded.get());
    }
}
