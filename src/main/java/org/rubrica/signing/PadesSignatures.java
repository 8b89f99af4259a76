package org.rubrica.signing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.jaxb.LevelConstraint;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.internal.TimestampAuthority;
import org.rubrica.signing.internal.BlockFont;
import org.rubrica.signing.internal.TrustedCas;
import org.rubrica.templates.SignatureAreas;
import org.springframework.stereotype.Service;

/**
 * PAdES signatures made and checked with EU DSS (its PDFBox implementation). Signing takes a key opened for the
 * session and the built-in timestamp authority; signing at LT and validating trust the platform CA (and the CAs in
 * the trust configuration) and take revocation data from its current CRL, so a revoked certificate fails and a
 * changed byte is caught.
 */
@Service
public class PadesSignatures {

    private static final ValidationPolicy POLICY = policy();
    /** Made once: DSS builds an AWT font from it to measure text, which costs more than the rest of the block. */
    private static final DSSFileFont BLOCK_FONT = blockFont();

    private final SignerCredentials credentials;
    private final TimestampAuthority timestamps;
    private final TrustedCas trust;
    private final Clock clock;
    /** For B and T, which need no trust anchors nor revocation data; DSS's services are safe to share. */
    private final PAdESService withoutValidationData;

    PadesSignatures(SignerCredentials credentials, TimestampAuthority timestamps, TrustedCas trust, Clock clock) {
        this.credentials = credentials;
        this.timestamps = timestamps;
        this.trust = trust;
        this.clock = clock;
        this.withoutValidationData = service(new CommonCertificateVerifier());
    }

    /**
     * PDFBox, with changes after a signature looked for among the PDF's objects (annotations, form fields, pages)
     * rather than by rendering every page and comparing pixels, which would cost most of a validation.
     */
    private static IPdfObjFactory objects() {
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        PdfBoxDefaultObjectFactory factory = new PdfBoxDefaultObjectFactory();
        factory.setPdfDifferencesFinder(differences);
        return factory;
    }

    /** The PAdES baseline levels Rubrica makes. */
    public enum Level {
        /** The signature alone. */
        B(SignatureLevel.PAdES_BASELINE_B),
        /** With a trusted timestamp proving when it was made. */
        T(SignatureLevel.PAdES_BASELINE_T),
        /** And the certificates and revocation data needed to validate it years later. */
        LT(SignatureLevel.PAdES_BASELINE_LT);

        private final SignatureLevel dss;

        Level(SignatureLevel dss) {
            this.dss = dss;
        }
    }

    /**
     * A signature's visible block: {@code text} drawn in the room the template marked {@code area} (for example
     * {@code firma-1}), which the renderer lists in the PDF's document information.
     */
    public record Appearance(String area, String text) {
    }

    /**
     * Signs the PDF with the opened key at the given level, timestamped (T and LT) by the built-in authority;
     * earlier signatures stay valid. The signature is invisible (it shows in a reader's signature panel only).
     */
    public byte[] sign(byte[] pdf, SignerCredentials.UnlockedKey key, String reason, Level level) {
        return sign(pdf, key, reason, level, null);
    }

    /**
     * As {@link #sign(byte[], SignerCredentials.UnlockedKey, String, Level)}, with the signature's block drawn in
     * its room; a PDF whose template marked no such room gets an invisible signature.
     */
    public byte[] sign(byte[] pdf, SignerCredentials.UnlockedKey key, String reason, Level level,
                       Appearance appearance) {
        // only LT embeds validation data (the current CRL): B and T share one service, made once
        PAdESService service = level == Level.LT ? service(verifier()) : withoutValidationData;
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level.dss);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(new CertificateToken(key.caCertificate()));
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        parameters.setReason(reason);
        if (appearance != null) {
            SignatureAreas.find(pdf, appearance.area())
                    .ifPresent(area -> parameters.setImageParameters(visibleBlock(area, appearance.text())));
        }
        return DssSigning.sign(service, pdf, parameters, key.key());
    }

    /** A service signing with the built-in timestamp authority; the block's text stays text, not a picture. */
    private PAdESService service(CommonCertificateVerifier verifier) {
        PAdESService service = new PAdESService(verifier);
        service.setTspSource(timestamps);
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        return service;
    }

    private static DSSFileFont blockFont() {
        DSSFileFont font = new DSSFileFont(new InMemoryDocument(BlockFont.bytes()));
        font.setSize(6.5f);
        font.setEmbedFontSubset(true);
        return font;
    }

    private static SignatureImageParameters visibleBlock(SignatureAreas.Area area, String text) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(area.page());
        field.setOriginX(area.left());
        field.setOriginY(area.top());
        field.setWidth(area.width());
        field.setHeight(area.height());
        SignatureImageTextParameters words = new SignatureImageTextParameters();
        words.setText(BlockFont.printable(text));
        words.setFont(BLOCK_FONT);
        words.setTextColor(new java.awt.Color(0x1B, 0x1F, 0x24));
        words.setTextWrapping(TextWrapping.FONT_BASED);
        words.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        words.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.BOTTOM);
        words.setPadding(2);
        SignatureImageParameters block = new SignatureImageParameters();
        block.setFieldParameters(field);
        block.setTextParameters(words);
        return block;
    }

    /** Trusts the platform CA and takes revocation data from its current CRL; asks nothing of the network. */

    /**
     * The highest level Rubrica can honestly reach with this key: LT when the platform CA issued its certificate
     * (its CRL is at hand to embed); T for another trusted CA, whose revocation data Rubrica does not fetch (it
     * asks nothing of the network), so the PDF cannot carry it.
     */
    public Level longestLevel(SignerCredentials.UnlockedKey key) {
        return trust.isPlatform(key.caCertificate()) ? Level.LT : Level.T;
    }

    /**
     * Trusts the platform CA and the configured ones, and takes revocation data from the platform CA's current CRL;
     * asks nothing of the network. Signing at LT embeds what is known: an earlier signature from another CA, whose
     * revocation data is not at hand, is noted in the log rather than stopping the new one.
     */
    private CommonCertificateVerifier verifier() {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trust.anchors().forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(credentials.crl())));
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setAlertOnMissingRevocationData(new LogOnStatusAlert(org.slf4j.event.Level.WARN));
        return verifier;
    }

    /**
     * DSS's default validation policy, except that a signing certificate without revocation data is a warning, not
     * a failure: another CA's revocations are not at hand (see {@link #longestLevel}). A certificate the data shows
     * revoked still fails, and the platform CA's CRL is always at hand.
     */
    private static ValidationPolicy policy() {
        ValidationPolicy policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
        var signingCertificate = ((EtsiValidationPolicy) policy).getSignatureConstraints().getBasicSignatureConstraints()
                .getSigningCertificate();
        LevelConstraint warn = new LevelConstraint();
        warn.setLevel(eu.europa.esig.dss.enumerations.Level.WARN);
        signingCertificate.setRevocationDataAvailable(warn);
        signingCertificate.setAcceptableRevocationDataFound(warn);
        return policy;
    }

    /**
     * The DSS verdict on a PDF's signatures, trusting the platform CA and the configured ones.
     *
     * @throws InvalidInputException when the file is not a PDF DSS can read
     */
    public SignatureVerdict validate(byte[] pdf) {
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        } catch (RuntimeException e) {
            throw new InvalidInputException("signing.not-a-pdf", "file");
        }
        if (validator instanceof PDFDocumentValidator pdfValidator) {
            pdfValidator.setPdfObjFactory(objects());
        }
        validator.setCertificateVerifier(verifier());
        eu.europa.esig.dss.validation.reports.Reports reports;
        try {
            reports = validator.validateDocument(POLICY);
        } catch (RuntimeException e) { // a file that starts like a PDF but breaks inside
            throw new InvalidInputException("signing.not-a-pdf", "file");
        }
        SimpleReport report = reports.getSimpleReport();
        List<SignatureVerdict.SignatureResult> results = new ArrayList<>();
        for (String id : report.getSignatureIdList()) {
            results.add(new SignatureVerdict.SignatureResult(String.valueOf(report.getIndication(id)),
                    report.getSubIndication(id) == null ? null : String.valueOf(report.getSubIndication(id)),
                    report.getSignedBy(id),
                    report.getSignatureFormat(id) == null ? null : report.getSignatureFormat(id).name()));
        }
        return new SignatureVerdict(results, reports.getXmlSimpleReport());
    }
}
