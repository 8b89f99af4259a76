package org.rubrica.api.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.rubrica.api.IntegrationTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, IntegrationTokens integrations,
                                       ApiProblems problems,
                                       @Value("${rubrica.api.max-request-bytes:1048576}") long maxRequestBytes,
                                       @Value("${rubrica.api.max-upload-bytes:11534336}") long maxUploadBytes)
            throws Exception {
        AuthenticationManager bearerTokens = bearerTokens(tokens, integrations);
        AuthenticationEntryPoint unauthorized = (req, res, e) ->
                problems.write(req, res, HttpStatus.UNAUTHORIZED, "api.error.unauthorized");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/openapi.yaml",
                                "/api/v1/docs/**").permitAll()
                        .requestMatchers("/api/v1/verification", "/api/v1/verification/**").permitAll()
                        // another installation's envelopes prove their sender by their signature, not a token
                        .requestMatchers(HttpMethod.GET, "/api/v1/exchange/node").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/exchange/envelopes", "/api/v1/exchange/acknowledgements")
                        .permitAll()
                        .anyRequest().access((authentication, context) ->
                                new AuthorizationDecision(permitted(authentication.get(), context.getRequest()))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs
                        .authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(req, res, HttpStatus.FORBIDDEN, "api.error.forbidden")))
                .addFilterBefore(new RequestSizeLimitFilter(maxRequestBytes, maxUploadBytes, problems), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * A login's token (a JWT) or an integration token ({@code rbi_…}, looked up by its hash). Each is checked by its
     * own kind only, so a malformed one of either fails as itself.
     */
    private static AuthenticationManager bearerTokens(ApiTokens tokens, IntegrationTokens integrations) {
        JwtAuthenticationProvider logins = new JwtAuthenticationProvider(tokens.decoder());
        logins.setJwtAuthenticationConverter(token -> new JwtAuthenticationToken(token, tokens.roles(token).stream()
                .map(SimpleGrantedAuthority::new).toList(), token.getSubject()));
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            if (!token.startsWith(IntegrationTokens.PREFIX)) {
                return logins.authenticate(authentication);
            }
            return integrations.resolve(token).filter(t -> t.username() != null).map(IntegrationAuthentication::new)
                    .orElseThrow(() -> new InvalidBearerTokenException("unknown, revoked or expired integration token"));
        };
    }

    /** A login's token may make any request (its services decide); an integration token needs the permission. */
    private static boolean permitted(Authentication authentication, HttpServletRequest request) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        if (authentication instanceof IntegrationAuthentication integration) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return ApiPermissionRules.required(request.getMethod(), path).map(integration::may).orElse(false);
        }
        return true;
    }

    /** Integration tokens' requests per minute, checked once the request's caller is known. */
    @Bean
    WebMvcConfigurer integrationRateLimits(IntegrationRateLimit limit) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limit).addPathPatterns("/api/**");
            }
        };
    }

}
