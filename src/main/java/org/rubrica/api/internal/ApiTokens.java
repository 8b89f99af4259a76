package org.rubrica.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived bearer tokens (HMAC-signed JWT) for API clients. The secret comes from configuration; without
 * one a random secret is used, so tokens end with the process (fine for one node, not for several).
 */
@Component
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;
    private final Duration validity;
    private final Clock clock;

    ApiTokens(@Value("${rubrica.api.token-secret:}") String secret,
              @Value("${rubrica.api.token-validity:1h}") Duration validity, Clock clock) {
        this.key = new SecretKeySpec(secretBytes(secret), "HmacSHA256");
        this.validity = validity;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt, long expiresInSeconds) {
    }

    public Issued issue(Authentication authentication) {
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("rubrica").subject(authentication.getName())
                .issuedAt(now).expiresAt(expires)
                .claim("roles", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .build();
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, expires, validity.toSeconds());
    }

    public JwtDecoder decoder() {
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    public List<String> roles(org.springframework.security.oauth2.jwt.Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }

    private static byte[] secretBytes(String secret) {
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        if (secret != null && !secret.isBlank()) {
            throw new IllegalStateException("rubrica.api.token-secret must have at least 32 bytes");
        }
        log.warn("No rubrica.api.token-secret configured: API tokens will not survive a restart");
        byte[] random = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
