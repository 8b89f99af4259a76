/**
 * Routing: an oficio's route from finished draft to "ready to sign" — ordered steps of reviewers and signers,
 * their decisions, and the pending work of each person.
 */
@ApplicationModule(displayName = "routing", allowedDependencies = {"drafting", "directory", "delivery", "shared", "templates"})
package org.rubrica.routing;

import org.springframework.modulith.ApplicationModule;
