package org.rubrica.signing;

import org.rubrica.shared.DocumentSeal;
import org.rubrica.signing.internal.ServiceKeys;
import org.springframework.stereotype.Service;

/**
 * The institution's electronic seal: what the system issues by itself (an acknowledgement of receipt) is sealed
 * with a key of the platform's own, at PAdES BASELINE-LT, so it validates like a person's signature.
 */
@Service
public class InstitutionSeal implements DocumentSeal {

    private final ServiceKeys keys;
    private final PadesSignatures signatures;

    InstitutionSeal(ServiceKeys keys, PadesSignatures signatures) {
        this.keys = keys;
        this.signatures = signatures;
    }

    @Override
    public byte[] seal(byte[] pdf, String reason) {
        ServiceKeys.ServiceKey seal = keys.get(ServiceKeys.Kind.SEAL);
        return signatures.sign(pdf, new SignerCredentials.UnlockedKey(seal.key(), seal.certificate(),
                seal.caCertificate()), reason, PadesSignatures.Level.LT);
    }
}
