package org.rubrica.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.model.SerializableTimestampParameters;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.signature.DocumentSignatureService;

/**
 * DSS's two steps around a key that stays here: DSS says what to sign, the key signs it (RSA with SHA-256), DSS
 * puts the signature in the document. The same for PAdES and XAdES.
 */
final class DssSigning {

    private DssSigning() {
    }

    static <P extends SerializableSignatureParameters, T extends SerializableTimestampParameters> byte[] sign(
            DocumentSignatureService<P, T> service, byte[] content, P parameters, PrivateKey key) {
        DSSDocument document = new InMemoryDocument(content);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(toBeSigned.getBytes());
            DSSDocument signed = service.signDocument(document, parameters,
                    new SignatureValue(SignatureAlgorithm.RSA_SHA256, signature.sign()));
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the document could not be signed", e);
        }
    }
}
