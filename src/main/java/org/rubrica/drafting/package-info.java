/**
 * Oficios and their drafts: creation from a template, content, preview and the oficio lifecycle.
 */
@ApplicationModule(displayName = "drafting", allowedDependencies = {"directory", "templates", "shared"})
package org.rubrica.drafting;

import org.springframework.modulith.ApplicationModule;
