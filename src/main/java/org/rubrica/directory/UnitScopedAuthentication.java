package org.rubrica.directory;

import org.springframework.security.core.Authentication;

/**
 * An authentication that acts for its person in one unit only (an integration token): {@link CurrentActor} gives
 * services the person with the roles they hold there, so every check the services make is narrowed with it.
 */
public interface UnitScopedAuthentication extends Authentication {

    long unitId();
}
