package org.rubrica.signing;

import java.util.List;

/**
 * What EU DSS concluded about a signed PDF: per signature, the indication (TOTAL_PASSED, INDETERMINATE,
 * TOTAL_FAILED), its sub-indication when not passed, who signed and at what level; and DSS's simple report (XML),
 * which is kept with each signature Rubrica stores.
 */
public record SignatureVerdict(List<SignatureResult> signatures, String report) {

    public record SignatureResult(String indication, String subIndication, String signedBy, String level) {

        public boolean passed() {
            return "TOTAL_PASSED".equals(indication);
        }
    }

    /** Signed at least once, and every signature passed. */
    public boolean valid() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureResult::passed);
    }
}
