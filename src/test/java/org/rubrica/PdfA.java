package org.rubrica;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A-2b as veraPDF (the industry's reference validator, greenfield parser) judges it: what the PDF declares
 * in its XMP metadata, and every rule of the PDF/A-2B profile it breaks.
 */
public final class PdfA {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /**
     * The verdict: the flavour the file declares (its XMP pdfaid part and conformance; {@code NO_FLAVOUR} when it
     * declares none) and the rules of PDF/A-2B it breaks, as "clause-test message (where)".
     */
    public record Verdict(PDFAFlavour declared, List<String> failures) {

        public boolean compliant() {
            return failures.isEmpty();
        }
    }

    /** Validates against PDF/A-2B whatever the file declares. */
    public static Verdict check(byte[] pdf) {
        try (PDFAParser declaring = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                     PDFAFlavour.PDFA_2_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            List<PDFAFlavour> declared = declaring.getFlavours();
            PDFAFlavour flavour = declared.isEmpty() ? PDFAFlavour.NO_FLAVOUR : declared.getFirst();
            if (!result.isCompliant() && failures.isEmpty()) {
                return new Verdict(flavour, List.of("not compliant: " + result.getJobEndStatus()));
            }
            return new Verdict(flavour, failures);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not read the PDF", e);
        }
    }
}
