/**
 * Signing: the platform's certificate authority and the signers' credentials (keys sealed under their PIN), PAdES
 * signatures made and checked with EU DSS; later, numbering and the signed PDF's production.
 */
@ApplicationModule(displayName = "signing", allowedDependencies = {"directory", "drafting", "routing", "shared", "templates"})
package org.rubrica.signing;

import org.springframework.modulith.ApplicationModule;
