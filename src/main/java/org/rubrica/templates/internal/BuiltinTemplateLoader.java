package org.rubrica.templates.internal;

import org.rubrica.templates.internal.BuiltinTemplateImporter.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Imports the shipped templates once every singleton exists (so Liquibase has migrated), before the
 * application context finishes starting: the web server does not accept requests and
 * {@code ApplicationReadyEvent} listeners (such as demo data) do not run until templates are in place.
 */
@Component
class BuiltinTemplateLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltinTemplateLoader.class);

    private final BuiltinTemplateImporter importer;

    BuiltinTemplateLoader(BuiltinTemplateImporter importer) {
        this.importer = importer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ImportResult result = importer.importAll(BuiltinTemplates.fromClasspath());
        if (result.changedAnything()) {
            log.info("Built-in templates imported: base format {}, template versions {}",
                    result.newBaseFormatVersion() == null ? "unchanged" : "v" + result.newBaseFormatVersion(),
                    result.newTemplateVersions());
        } else {
            log.debug("Built-in templates are up to date");
        }
    }
}
