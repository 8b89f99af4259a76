package org.rubrica.templates;

/** An image as stored (an SVG after sanitising), with its media type: to show or to export. */
public record AssetFile(String mediaType, byte[] content) {
}
