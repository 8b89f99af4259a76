package org.rubrica.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser side: Vaadin's view access control with our login view. The API has its own stateless chain,
 * ordered before this one. Services repeat every check themselves ({@code CurrentActor}, object-level rules).
 */
@Configuration
@ConditionalOnWebApplication // a process without a web server (a batch, a test's second JVM) has no requests to guard
// an API-only node (rubrica.ui.enabled=false: no Vaadin, as a headless exchange node runs) has no browser side
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "rubrica.ui.enabled",
        matchIfMissing = true)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class WebSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain webFilterChain(HttpSecurity http) throws Exception {
        // the platform CA's certificate and CRL are public: anyone checking a signature needs them
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/icons/**", "/images/**", "/pki/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
