/**
 * The REST API under /api/v1 for integrations, with bearer tokens and an OpenAPI document.
 */
@ApplicationModule(displayName = "api")
package org.rubrica.api;

import org.springframework.modulith.ApplicationModule;
