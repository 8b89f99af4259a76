package org.rubrica;

import java.time.Clock;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Rubrica: official correspondence composed from templates, reviewed, signed and delivered. Open pages are kept
 * live by server push (the notification bell).
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/rubrica.css")
public class RubricaApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        useJdkXsltTransformer();
        SpringApplication app = new SpringApplication(RubricaApplication.class);
        app.addListeners(new DatabaseBootstrap());
        app.run(args);
    }

    /** docx4j ships xalan, which would otherwise become the JVM-wide factory and break XML signatures. */
    static void useJdkXsltTransformer() {
        System.setProperty("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        settings.addFavIcon("icon", "icons/rubrica.svg", "any");
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
