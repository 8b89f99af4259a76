package org.rubrica.templates.internal;

import java.util.Optional;

/** Gives the PDF engine the bytes behind {@code asset:<name>} addresses. */
@FunctionalInterface
public interface AssetResolver {

    AssetResolver NONE = name -> Optional.empty();

    Optional<byte[]> printable(String name);
}
