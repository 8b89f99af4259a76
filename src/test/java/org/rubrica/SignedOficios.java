package org.rubrica;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.SignedRecords;
import org.rubrica.signing.SignerCredentials;
import org.springframework.stereotype.Component;

/** Oficios taken through their route and signed, for tests of what comes after signing. */
@Component
public class SignedOficios {

    /** A signed oficio: its id, number and verification code. */
    public record Signed(UUID id, String number, String code) {
    }

    private final Acting acting;
    private final OficioService oficios;
    private final RoutingService routing;
    private final OficioSigning signing;
    private final SignerCredentials credentials;
    private final SignedRecords records;
    private final DeliveryService delivery;

    SignedOficios(Acting acting, OficioService oficios, RoutingService routing, OficioSigning signing,
                  SignerCredentials credentials, SignedRecords records, DeliveryService delivery) {
        this.delivery = delivery;
        this.acting = acting;
        this.oficios = oficios;
        this.routing = routing;
        this.credentials = credentials;
        this.signing = signing;
        this.records = records;
    }

    /** Drafted by {@code drafter}, addressed to SEC/DGE, approved by the signers in order, but not signed. */
    public UUID approved(String drafter, String subject, Person... signers) {
        acting.as(drafter);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se remite la información solicitada.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL,
                java.util.Arrays.stream(signers).map(Person::id).toList(), null)));
        routing.submit(id);
        for (Person signer : signers) {
            acting.as(signer.username());
            routing.decide(id, Decision.APPROVED, null);
        }
        return id;
    }

    /** Signs as {@code signer} with a credential issued afresh under {@code pin} (revoking any they held). */
    public OficioSigning.Signed sign(UUID id, Person signer, String pin) {
        freshCredential(signer, pin);
        return signing.sign(id, pin.toCharArray());
    }

    /**
     * Acts as the person and issues them a credential under {@code pin}, revoking any they held: tests share one
     * database, so a credential another test issued must not decide which PIN opens it.
     */
    public void freshCredential(Person person, String pin) {
        acting.as(person.username());
        credentials.revoke(person.id());
        credentials.issueMine(pin.toCharArray());
    }

    /**
     * Drafted, approved and signed by one signer, whose credential stays in force (revoked within the same second,
     * the signature could not be shown to predate the revocation).
     */
    public Signed signedBy(String drafter, Person signer, String subject) {
        UUID id = approved(drafter, subject, signer);
        String number = sign(id, signer, "739510").number();
        String code = records.verificationCode(id).orElseThrow();
        acting.nobody();
        return new Signed(id, number, code);
    }

    /** The demo director of SOP/DOP, who signs what the demo drafter writes. */
    public Person director() {
        return acting.person("Arq. Beatriz Elena Campos Rangel");
    }

    /** Written by the demo drafter (SOP/DOP) to SEC/DGE and signed by her director; nobody acts afterwards. */
    public UUID signed(String subject) {
        return signedBy(Acting.DRAFTER, director(), subject).id();
    }

    /** As {@link #signed(String)}, and sent by the drafter, who is left acting. */
    public UUID sent(String subject) {
        UUID id = signed(subject);
        acting.as(Acting.DRAFTER);
        delivery.send(id);
        return id;
    }

    /** As {@link #signDraft(UUID)}, and the drafter sends it. */
    public void signAndSend(UUID id) {
        signDraft(id);
        delivery.send(id);
    }

    /**
     * Takes the demo drafter's draft (SOP/DOP) through a one-step route to her director, who signs it; the drafter
     * is left acting.
     */
    public void signDraft(UUID id) {
        Person director = director();
        acting.as(Acting.DRAFTER);
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(director.id()), null)));
        routing.submit(id);
        acting.as(director.username());
        routing.decide(id, Decision.APPROVED, null);
        sign(id, director, "739510");
        acting.as(Acting.DRAFTER);
    }

    /** The oficio's signed PDF, as the acting person may download it. */
    public byte[] signedPdf(UUID id) {
        return signing.signedPdf(id).orElseThrow();
    }
}
