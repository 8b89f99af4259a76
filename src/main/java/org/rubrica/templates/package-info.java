/**
 * Base format, templates, versions, field schemas, the FreeMarker sandbox and rendering to XHTML, PDF and page images.
 */
@ApplicationModule(displayName = "templates", allowedDependencies = {"shared"})
package org.rubrica.templates;

import org.springframework.modulith.ApplicationModule;
