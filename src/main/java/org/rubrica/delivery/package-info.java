/**
 * Sending oficios to their recipients, the inboxes, and the receiving office's work: receipts with entry numbers
 * and sealed acknowledgements, assignments.
 */
@ApplicationModule(displayName = "delivery",
        allowedDependencies = {"directory", "drafting", "shared", "templates"})
package org.rubrica.delivery;

import org.springframework.modulith.ApplicationModule;
