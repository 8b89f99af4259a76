/**
 * Indicators of how correspondence flows: counts, times and backlog per unit, agency or the whole institution.
 */
@ApplicationModule(displayName = "metrics",
        allowedDependencies = {"directory", "drafting", "delivery", "signing", "shared"})
package org.rubrica.metrics;

import org.springframework.modulith.ApplicationModule;
