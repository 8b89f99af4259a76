package org.rubrica.delivery;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.rubrica.Acting;
import org.rubrica.RubricaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A Rubrica process of its own that sends one oficio as the demo drafter and, once {@code pauseAfter} recipients
 * have their inbox entry inside the sending transaction, says so on standard output and waits to be killed: what
 * a power cut in the middle of a large send leaves behind. Started by {@link SendCrashTests}.
 */
public final class SendInAnotherJvm {

    static final String PAUSED = "RUBRICA-SEND-PAUSED";

    private SendInAnotherJvm() {
    }

    /** Holds the sending thread in the middle of the send, before anything commits. */
    static final class PauseMidSend {

        private final int pauseAfter;
        private final AtomicInteger delivered = new AtomicInteger();

        PauseMidSend(int pauseAfter) {
            this.pauseAfter = pauseAfter;
        }

        @EventListener
        void on(DeliveryEvents.OficioDelivered e) throws InterruptedException {
            if (delivered.incrementAndGet() == pauseAfter) {
                System.out.println(PAUSED);
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    public static void main(String[] args) {
        UUID oficioId = UUID.fromString(args[0]);
        int pauseAfter = Integer.parseInt(args[1]);
        SpringApplication application = new SpringApplication(RubricaApplication.class);
        // no web server and no Vaadin, which would rewrite the frontend files the tests' own server uses
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of("spring.autoconfigure.exclude",
                "com.vaadin.flow.spring.SpringBootAutoConfiguration,com.vaadin.flow.spring.SpringSecurityAutoConfiguration"));
        application.addInitializers(context -> ((ConfigurableApplicationContext) context).getBeanFactory()
                .registerSingleton("pauseMidSend", new PauseMidSend(pauseAfter)));
        ConfigurableApplicationContext context = application.run();
        context.getBean(Acting.class).as(Acting.DRAFTER);
        context.getBean(DeliveryService.class).send(oficioId);
        System.out.println("RUBRICA-SEND-DONE");
        context.close();
    }
}
