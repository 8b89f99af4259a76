package org.rubrica.api;

import org.rubrica.directory.Directory;
import org.rubrica.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** API clients name a recipient unit by id or by code; services take the id. */
@Component
class RecipientUnits {

    private final Directory directory;

    RecipientUnits(Directory directory) {
        this.directory = directory;
    }

    /** @return the unit id, or {@code null} when neither is given (the service then reports it at the field) */
    Long resolve(Long id, String code) {
        if (id != null || code == null) {
            return id;
        }
        return directory.unitByCode(code)
                .orElseThrow(() -> new InvalidInputException("oficio.recipient.unknown", "recipient")).id();
    }
}
