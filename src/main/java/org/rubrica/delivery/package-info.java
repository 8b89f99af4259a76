/**
 * Sending oficios to units and their inboxes.
 */
@ApplicationModule(displayName = "delivery", allowedDependencies = {"directory", "drafting", "shared"})
package org.rubrica.delivery;

import org.springframework.modulith.ApplicationModule;
