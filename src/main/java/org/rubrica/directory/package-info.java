/**
 * Institutions, agencies, units, people, roles and login.
 */
@ApplicationModule(displayName = "directory", allowedDependencies = {})
package org.rubrica.directory;

import org.springframework.modulith.ApplicationModule;
