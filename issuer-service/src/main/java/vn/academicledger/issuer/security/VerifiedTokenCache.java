package vn.academicledger.issuer.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that checks a token's signature once: a script or browser sends the same
 * access token with every call until it expires, and parsing it and verifying its RSA signature
 * cost more than the rest of the security checks together (most of a millisecond while that code
 * is not yet compiled). The validator (expiry, and that the account is still enabled) runs on every
 * call, so disabling an account still ends its tokens at once.
 *
 * <p>Only tokens the delegate accepted are kept, keyed by the token's exact text: the same text
 * carries the same signature, so it needs no second check. A token that fails the validator (it
 * expired, or its account was disabled) is dropped; at most {@code capacity} tokens are kept, least
 * recently used first out.
 */
final class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified;

    /**
     * @param delegate  parses the token, verifies its signature and runs {@code validator}
     * @param validator the checks to repeat for a token already verified
     */
    VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = validator.validate(known);
            if (result.hasErrors()) {
                verified.remove(token);
                throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
            }
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
