/**
 * What people should hear about: someone mentioned them in a comment, invited them to a draft. Shown in the app
 * (the bell and the list); e-mail and digests join with routing.
 */
@ApplicationModule(displayName = "notifications", allowedDependencies = {"directory", "drafting", "shared"})
package org.rubrica.notifications;

import org.springframework.modulith.ApplicationModule;
