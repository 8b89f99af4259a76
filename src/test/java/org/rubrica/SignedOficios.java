package org.rubrica;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    SignedOficios(Acting acting, OficioService oficios, RoutingService routing, OficioSigning signing,
                  SignerCredentials credentials, SignedRecords records) {
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
}
