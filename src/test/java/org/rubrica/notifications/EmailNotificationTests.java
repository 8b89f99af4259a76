package org.rubrica.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.notifications.internal.MailNotifier;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Notifications by e-mail through a real SMTP server in the test JVM: at once, as a daily digest, or not at all. */
@RubricaTest
class EmailNotificationTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("rubrica.base-url", () -> "https://rubrica.sanandres.gob.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired Notifications notifications;
    @Autowired MailNotifier mail;
    @Autowired Directory directory;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private Person person(String fullName) {
        return directory.people().stream().filter(p -> p.fullName().equals(fullName)).findFirst().orElseThrow();
    }

    /** The decoded text (the raw body is quoted-printable, with long lines broken). */
    private static String text(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> to(String email) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void the_reviewer_is_mailed_at_once_with_a_link_the_author_takes_a_digest_and_off_means_off() throws Exception {
        Person reviewer = person("Ing. Sergio Ramírez Treviño");
        Person signer = person("Arq. Beatriz Elena Campos Rangel");
        acting.as(signer.username());
        notifications.setEmailMode(Notifications.EmailMode.OFF);
        acting.as(Acting.DRAFTER);
        notifications.setEmailMode(Notifications.EmailMode.DIGEST);
        String drafterEmail = directory.person(acting.personId(Acting.DRAFTER)).email();
        int drafterBefore = to(drafterEmail).size();
        int signerBefore = to(signer.email()).size();

        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Aviso por correo",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(reviewer.id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(signer.id()), null)));
        routing.submit(id);

        SMTP.waitForIncomingEmail(5000, 1);
        MimeMessage waiting = to(reviewer.email()).stream()
                .filter(m -> text(m).contains("/oficios/" + id)).findFirst().orElseThrow();
        assertThat(waiting.getSubject()).contains("Espera su revisión", "Aviso por correo");
        assertThat(text(waiting)).contains("https://rubrica.sanandres.gob.example/oficios/" + id);

        acting.as(reviewer.username());
        routing.decide(id, Decision.APPROVED, null); // the author is told, in the digest; the signer, never
        assertThat(to(drafterEmail)).hasSize(drafterBefore);
        assertThat(mail.sendDigests()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> digests = to(drafterEmail);
        assertThat(digests).hasSize(drafterBefore + 1);
        assertThat(text(digests.getLast())).contains("dio su visto bueno", "/oficios/" + id);
        assertThat(mail.sendDigests()).isZero(); // nothing twice
        assertThat(to(signer.email())).hasSize(signerBefore);

        acting.as(signer.username());
        notifications.setEmailMode(Notifications.EmailMode.IMMEDIATE); // shared demo data: leave it as found
        acting.as(Acting.DRAFTER);
        notifications.setEmailMode(Notifications.EmailMode.IMMEDIATE);
    }
}
