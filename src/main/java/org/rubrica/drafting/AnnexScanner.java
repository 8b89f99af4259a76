package org.rubrica.drafting;

import java.util.Optional;

/**
 * The hook for a virus scanner: every annex passes through each bean of this type before it is stored. An
 * installation adds its own (for example one that streams the file to ClamAV's clamd); Rubrica ships one that
 * recognises the standard EICAR test file, so the hook can be tried end to end.
 */
public interface AnnexScanner {

    /** @return the name of what was found, or empty when the file is clean */
    Optional<String> threat(String fileName, byte[] content);
}
