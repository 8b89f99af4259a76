package org.rubrica.api.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The API's own chain, before the browser one: stateless, bearer tokens only, no CSRF (no cookies), and
 * JSON answers for missing or refused credentials.
 */
@Configuration
@ConditionalOnWebApplication // a process without a web server (a batch, a test's second JVM) has no requests to guard
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ApiProblems problems,
                                       @Value("${rubrica.api.max-request-bytes:1048576}") long maxRequestBytes,
                                       @Value("${rubrica.api.max-upload-bytes:11534336}") long maxUploadBytes)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (req, res, e) ->
                problems.write(req, res, HttpStatus.UNAUTHORIZED, "api.error.unauthorized");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/openapi.yaml").permitAll()
                        .requestMatchers("/api/v1/verification", "/api/v1/verification/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(token ->
                                new JwtAuthenticationToken(token, tokens.roles(token).stream()
                                        .map(SimpleGrantedAuthority::new).toList(), token.getSubject())))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(req, res, HttpStatus.FORBIDDEN, "api.error.forbidden")))
                .addFilterBefore(new RequestSizeLimitFilter(maxRequestBytes, maxUploadBytes, problems), SecurityContextHolderFilter.class);
        return http.build();
    }

}
