package org.rubrica.drafting.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.rubrica.drafting.AnnexScanner;
import org.springframework.stereotype.Component;

/** Recognises the EICAR anti-virus test file anywhere in an annex: what a real scanner would report as a threat. */
@Component
class EicarScanner implements AnnexScanner {

    private static final byte[] SIGNATURE = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Optional<String> threat(String fileName, byte[] content) {
        return indexOf(content, SIGNATURE) >= 0 ? Optional.of("EICAR-Test-File") : Optional.empty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
