/**
 * Full-text search over the oficios a person may see: Spanish without accents or case, filters, keyset pages.
 */
@ApplicationModule(displayName = "search",
        allowedDependencies = {"directory", "drafting", "delivery", "routing", "signing", "shared"})
package org.rubrica.search;

import org.springframework.modulith.ApplicationModule;
