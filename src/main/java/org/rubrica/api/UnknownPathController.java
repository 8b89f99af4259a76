package org.rubrica.api;

import io.swagger.v3.oas.annotations.Hidden;

import org.rubrica.shared.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under /api answers a JSON 404 instead of falling through to the web UI's pages; the interactive
 * API page's files (under /api/v1/docs) are left to their resource handler, which controllers would otherwise
 * shadow.
 */
@RestController
@Hidden
class UnknownPathController {

    @RequestMapping({"/api", "/api/{version:(?!v1$).*}/**", "/api/v1", "/api/v1/{first:(?!docs$).*}/**"})
    void unknown() {
        throw new NotFoundException("API path");
    }
}
