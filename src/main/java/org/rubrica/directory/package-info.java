/**
 * Institutions, agencies, units, people, roles and login.
 */
@ApplicationModule(displayName = "directory", allowedDependencies = {"shared"})
package org.rubrica.directory;

import org.springframework.modulith.ApplicationModule;
