package org.rubrica.directory;

/** What a person may do in a unit. Spring Security sees each as the authority {@code ROLE_<name>}. */
public enum Role {
    DRAFTER, REVIEWER, SIGNER, RECEIVING_OFFICE, TEMPLATE_ADMIN, ORG_ADMIN, AUDITOR;

    public static final String PREFIX = "ROLE_";

    public String authority() {
        return PREFIX + name();
    }

    /** Names usable in {@code @RolesAllowed} and {@code hasRole(...)}. */
    public static final class Names {
        public static final String DRAFTER = "DRAFTER";
        public static final String REVIEWER = "REVIEWER";
        public static final String SIGNER = "SIGNER";
        public static final String RECEIVING_OFFICE = "RECEIVING_OFFICE";
        public static final String TEMPLATE_ADMIN = "TEMPLATE_ADMIN";
        public static final String ORG_ADMIN = "ORG_ADMIN";
        public static final String AUDITOR = "AUDITOR";

        private Names() {
        }
    }
}
