/**
 * The append-only, hash-chained event log and the oficio trail.
 */
@ApplicationModule(displayName = "audit",
        allowedDependencies = {"directory", "drafting", "delivery", "exchange", "routing", "signing", "shared"})
package org.rubrica.audit;

import org.springframework.modulith.ApplicationModule;
