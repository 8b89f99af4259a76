/**
 * Small types every module shares: refused input and missing records, carried with i18n message keys.
 */
@ApplicationModule(displayName = "shared", type = ApplicationModule.Type.OPEN)
package org.rubrica.shared;

import org.springframework.modulith.ApplicationModule;
