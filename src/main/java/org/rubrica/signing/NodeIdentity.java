package org.rubrica.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;

import org.rubrica.signing.internal.ServiceKeys;
import org.springframework.stereotype.Service;

/**
 * This installation's identity towards other installations: a key of the platform's own, with a certificate from
 * its CA, that signs the XML of the envelopes it sends (XAdES BASELINE-B, enveloped, with EU DSS on Apache
 * Santuario). Checking an envelope from another installation trusts exactly the certificate registered for it.
 */
@Service
public class NodeIdentity {

    private final ServiceKeys keys;
    private final Clock clock;

    NodeIdentity(ServiceKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The certificate other installations register to trust this one. */
    public X509Certificate certificate() {
        return keys.get(ServiceKeys.Kind.NODE).certificate();
    }

    /** The XML with an enveloped XAdES signature over all of it (the root element and everything in it). */
    public byte[] sign(byte[] xml) {
        ServiceKeys.ServiceKey node = keys.get(ServiceKeys.Kind.NODE);
        XAdESService service = new XAdESService(new CommonCertificateVerifier());
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(node.certificate()));
        parameters.setCertificateChain(new CertificateToken(node.caCertificate()));
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        return DssSigning.sign(service, xml, parameters, node.key());
    }

    /**
     * Whether the XML carries exactly one signature, intact and made with the key of {@code trusted} (the
     * certificate registered for the installation it claims to come from). Any change to the signed XML, a
     * signature by another key, or none at all, answers false.
     */
    public boolean signedBy(byte[] xml, X509Certificate trusted) {
        Reports reports;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(xml));
            CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
            anchors.addCertificate(new CertificateToken(trusted));
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(anchors);
            verifier.setAIASource(null);
            verifier.setOcspSource(null);
            verifier.setCrlSource(null);
            validator.setCertificateVerifier(verifier);
            reports = validator.validateDocument();
        } catch (RuntimeException e) { // not XML, or not a signed document DSS can read
            return false;
        }
        SimpleReport report = reports.getSimpleReport();
        List<String> ids = report.getSignatureIdList();
        if (ids.size() != 1) {
            return false;
        }
        String id = ids.getFirst();
        String signer = reports.getDiagnosticData().getSigningCertificateId(id);
        return report.getIndication(id) == Indication.TOTAL_PASSED
                && new CertificateToken(trusted).getDSSIdAsString().equals(signer);
    }
}
