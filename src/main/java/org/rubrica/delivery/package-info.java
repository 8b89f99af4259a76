/**
 * Sending oficios to units and their inboxes.
 */
@ApplicationModule(displayName = "delivery", allowedDependencies = {"directory", "drafting"})
package org.rubrica.delivery;

import org.springframework.modulith.ApplicationModule;
