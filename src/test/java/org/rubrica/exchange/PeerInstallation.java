package org.rubrica.exchange;

import java.util.Map;

import org.rubrica.RubricaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * A second Rubrica installation for the exchange test, in a JVM of its own: its own port, its own database, its
 * own node code; the REST API only (no Vaadin, which would rewrite the frontend files the tests' server uses).
 * Arguments: port, database URL, node code.
 */
public final class PeerInstallation {

    public static final String READY = "RUBRICA-PEER-READY";

    private PeerInstallation() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RubricaApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setAdditionalProfiles("demo");
        application.setDefaultProperties(Map.of("spring.autoconfigure.exclude",
                "com.vaadin.flow.spring.SpringBootAutoConfiguration,com.vaadin.flow.spring.SpringSecurityAutoConfiguration"));
        application.run("--server.port=" + args[0], "--server.address=127.0.0.1", "--spring.datasource.url=" + args[1],
                "--rubrica.exchange.node-code=" + args[2], "--rubrica.ui.enabled=false",
                // the second installation posts its acknowledgements by itself, as a real one would
                "--rubrica.exchange.poll=PT1S");
        System.out.println(READY);
    }
}
