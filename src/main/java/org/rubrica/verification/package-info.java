/**
 * Public verification of signed oficios, without login: by the verification code printed on them (or their QR),
 * or by uploading a PDF for EU DSS's verdict in plain language and a byte-for-byte comparison with the document
 * Rubrica registered. Rate limited per client.
 */
@ApplicationModule(displayName = "verification", allowedDependencies = {"drafting", "signing", "shared"})
package org.rubrica.verification;

import org.springframework.modulith.ApplicationModule;
