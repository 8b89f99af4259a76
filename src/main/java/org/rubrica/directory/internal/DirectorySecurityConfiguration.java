package org.rubrica.directory.internal;

import java.util.Map;

import org.rubrica.directory.LoginFailedException;
import org.rubrica.directory.LoginService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing (Argon2id) and the single authentication provider every login path goes through. */
@Configuration
class DirectorySecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // prefixed hashes ({argon2}...) so the algorithm can be upgraded later without a flag day
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** Also serves Spring's form-login endpoint, so no path skips the failure counting and lock-out. */
    @Bean
    AuthenticationProvider rubricaAuthenticationProvider(@Lazy LoginService logins) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    return logins.login(authentication.getName(), String.valueOf(authentication.getCredentials()));
                } catch (LoginFailedException e) {
                    throw e.reason() == LoginFailedException.Reason.LOCKED
                            ? new LockedException("locked") : new BadCredentialsException("bad credentials");
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
