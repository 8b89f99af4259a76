package org.rubrica.templates.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The printable bytes of assets, kept in memory once read: assets never change, so a cached picture is
 * never stale. Names not (yet) uploaded are not remembered, so an upload shows in the next render.
 */
@Component
class CachedAssets implements AssetResolver {

    private static final int MAX_ENTRIES = 200;

    private final AssetRepository repository;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    CachedAssets(AssetRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<byte[]> printable(String name) {
        byte[] bytes = cache.get(name);
        if (bytes != null) {
            return Optional.of(bytes);
        }
        Optional<byte[]> read = repository.printable(name);
        read.ifPresent(b -> {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(name, b);
        });
        return read;
    }
}
