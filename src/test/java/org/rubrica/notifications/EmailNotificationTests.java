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
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Delegations;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.notifications.internal.MailNotifier;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications by e-mail through a real SMTP server in the test JVM: at once, as a daily digest, or not at all;
 * and the whole approval story, where everyone involved hears of their part in the app and by e-mail.
 */
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
    @Autowired Delegations delegations;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
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

    /** Waits (mail is sent on a worker thread after commit) for a message to this address about the oficio. */
    private MimeMessage awaitMail(String email, UUID oficioId, String subjectPart) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = to(email).stream().filter(m -> text(m).contains("/oficios/" + oficioId))
                    .filter(m -> subject(m).contains(subjectPart)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + email + " about " + oficioId + " saying «" + subjectPart + "»");
    }

    /** The messages to this address about the oficio, once at least {@code count} have arrived (or 10 s passed). */
    private List<MimeMessage> awaitMails(String email, UUID oficioId, int count) throws InterruptedException {
        List<MimeMessage> about = List.of();
        for (int i = 0; i < 100 && about.size() < count; i++) {
            Thread.sleep(100);
            about = to(email).stream().filter(m -> text(m).contains("/oficios/" + oficioId)).toList();
        }
        Thread.sleep(200); // and a moment more, for any that should not come
        return to(email).stream().filter(m -> text(m).contains("/oficios/" + oficioId)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> notified(String username, UUID oficioId) {
        acting.as(username);
        return notifications.mine().stream().filter(n -> oficioId.equals(n.oficioId())).map(Notification::kind)
                .toList().reversed(); // oldest first
    }

    /**
     * The story the routing issue is done with: drafter → reviewer requests changes → drafter fixes → reviewer
     * approves → the substitute of the absent director approves the signing step. Each person is told in the app
     * and by e-mail, and the trail tells the whole story.
     */
    @Test
    void the_approval_story_with_changes_and_a_substitute_reaches_everyone_in_the_app_and_by_mail() throws Exception {
        Person drafter = directory.person(acting.personId(Acting.DRAFTER));
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");       // Secretario de Obras Públicas
        Person director = acting.person("Arq. Beatriz Elena Campos Rangel");  // Directora de Obras Públicas, away this week
        Person substitute = acting.person("Ing. Raúl Esquivel Mora");         // stands in for her as signer

        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Bacheo de la avenida Juárez",
                "<p>Se informa el programa de bacheo.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(reviewer.id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(director.id()), null)));
        routing.submit(id);
        awaitMail(reviewer.email(), id, "Espera su revisión");

        acting.as(reviewer.username());
        routing.decide(id, Decision.CHANGES_REQUESTED, "Agregue el presupuesto autorizado.");
        awaitMail(drafter.email(), id, "solicitó cambios");

        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.CHANGES_REQUESTED);
        oficios.saveDraft(id, new DraftContent(acting.unitId("SEC/DGE"), "Bacheo de la avenida Juárez",
                "<p>Se informa el programa de bacheo, con un presupuesto autorizado de $1,200,000.</p>", Map.of()),
                oficios.get(id).version());
        routing.submit(id);

        acting.as(director.username()); // before leaving, the director names her substitute for signing
        java.time.LocalDate today = java.time.LocalDate.now();
        long delegation = delegations.delegate(substitute.id(), false, true, today, today.plusDays(7));
        try {
            acting.as(reviewer.username());
            routing.decide(id, Decision.APPROVED, "Correcto.");
            awaitMail(director.email(), id, "Espera su aprobación para firma");
            awaitMail(substitute.email(), id, "Por ausencia de " + director.fullName());

            acting.as(substitute.username());
            routing.decide(id, Decision.APPROVED, "Por ausencia de la titular.");
        } finally {
            acting.as(director.username());
            delegations.revoke(delegation);
        }
        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);

        assertThat(notified(Acting.DRAFTER, id)).containsExactly("DECIDED_CHANGES_REQUESTED", "DECIDED_APPROVED",
                "DECIDED_APPROVED", "ROUTE_COMPLETED");
        assertThat(notified(reviewer.username(), id)).containsExactly("REVIEW_WAITING", "REVIEW_WAITING");
        assertThat(notified(director.username(), id)).containsExactly("SIGN_WAITING", "ACTED_FOR_APPROVED");
        assertThat(notified(substitute.username(), id)).containsExactly("SIGN_WAITING_FOR");
        awaitMail(drafter.email(), id, "Listo para firma");
        awaitMail(director.email(), id, substitute.fullName() + " aprobó por su ausencia");
        assertThat(awaitMails(drafter.email(), id, 4)).hasSize(4); // one per notification, none twice
        assertThat(awaitMails(reviewer.email(), id, 2)).hasSize(2);
        assertThat(awaitMails(director.email(), id, 2)).hasSize(2);
        assertThat(awaitMails(substitute.email(), id, 1)).hasSize(1);

        acting.as(Acting.DRAFTER);
        List<TrailEntry> story = trail.of(id);
        assertThat(story).extracting(TrailEntry::type).containsSubsequence("CREATED", "SUBMITTED",
                "REVIEW_CHANGES_REQUESTED", "EDITED", "SUBMITTED", "REVIEW_APPROVED", "SIGN_APPROVED_FOR",
                "ROUTE_COMPLETED");
        assertThat(story).filteredOn(e -> e.type().equals("REVIEW_CHANGES_REQUESTED")).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(reviewer.fullName()))
                .satisfies(e -> assertThat(e.detail()).contains("Agregue el presupuesto autorizado."));
        assertThat(story).filteredOn(e -> e.type().equals("SIGN_APPROVED_FOR")).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(substitute.fullName()))
                .satisfies(e -> assertThat(e.detail()).contains(director.fullName(), "Por ausencia de la titular."));
    }

    @Test
    void the_reviewer_is_mailed_at_once_with_a_link_the_author_takes_a_digest_and_off_means_off() throws Exception {
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        Person signer = acting.person("Arq. Beatriz Elena Campos Rangel");
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
