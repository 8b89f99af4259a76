/**
 * What people should hear about: someone mentioned them in a comment or invited them to a draft, a route step
 * waits for them, a decision on their oficio. Shown in the app (the bell and the list); e-mail and digests follow.
 */
@ApplicationModule(displayName = "notifications", allowedDependencies = {"directory", "drafting", "delivery", "routing", "shared"})
package org.rubrica.notifications;

import org.springframework.modulith.ApplicationModule;
