package org.rubrica.templates;

import java.time.Instant;

/** An uploaded image as administrators see it; templates print it as {@code <img src="asset:NAME"/>}. */
public record AssetInfo(String name, String mediaType, int width, int height, int sizeBytes, String originalName,
                        Instant createdAt) {

    public String address() {
        return TemplateAssets.ADDRESS_PREFIX + name;
    }
}
