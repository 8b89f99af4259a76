package org.rubrica.templates;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.RoleGuard;
import org.rubrica.templates.internal.AssetImages;
import org.rubrica.templates.internal.AssetImages.CheckedImage;
import org.rubrica.templates.internal.AssetRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The images templates print: the letterhead's logo, seals, signatures of the format. An upload is judged by
 * its content (PNG, JPEG or SVG, within size and dimension limits; SVG sanitised) and kept under a name that
 * never changes meaning: assets are immutable, so a published template prints the same picture for ever.
 */
@Service
@Transactional
public class TemplateAssets {

    /** How templates and the base format address an asset: {@code asset:escudo}. */
    public static final String ADDRESS_PREFIX = "asset:";
    public static final int MAX_BYTES = AssetImages.MAX_BYTES;
    public static final int MIN_SIDE_PX = AssetImages.MIN_SIDE_PX;
    public static final int MAX_SIDE_PX = AssetImages.MAX_SIDE_PX;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern ADDRESS = Pattern.compile(Pattern.quote(ADDRESS_PREFIX) + "(" + NAME.pattern() + ")");

    private final AssetRepository repository;
    private final RoleGuard roles;

    TemplateAssets(AssetRepository repository, RoleGuard roles) {
        this.repository = repository;
        this.roles = roles;
    }

    @Transactional(readOnly = true)
    public List<AssetInfo> list() {
        roles.requireRole(TemplateAdministration.ROLE);
        return repository.list().stream().map(a -> new AssetInfo(a.name(), a.mediaType(), a.width(), a.height(),
                a.sizeBytes(), a.originalName(), a.createdAt())).toList();
    }

    /**
     * @param name         how templates will address it ({@code asset:name}): lower case, digits and hyphens
     * @param originalName the uploaded file's name, kept for reference only
     */
    public AssetInfo upload(String name, String originalName, byte[] bytes) {
        roles.requireRole(TemplateAdministration.ROLE);
        checkName(name);
        if (repository.exists(name)) {
            throw new InvalidInputException("asset.name.taken", "name", name);
        }
        CheckedImage image = AssetImages.check(bytes);
        String original = originalName == null || originalName.isBlank() ? name : truncate(originalName.strip());
        if (!repository.insert(name, image, hash(image), original)) {
            throw new InvalidInputException("asset.name.taken", "name", name);
        }
        return list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** The file as stored (an SVG after sanitising), to show or to export. */
    @Transactional(readOnly = true)
    public Optional<AssetFile> file(String name) {
        roles.requireRole(TemplateAdministration.ROLE);
        return repository.file(name);
    }

    /**
     * For imports: stores an asset another installation exported, after the same checks as an upload. An asset
     * already here with the same content is reused; one with the same name and other content is refused.
     *
     * @return whether it was new here
     */
    boolean receive(String name, byte[] bytes) {
        checkName(name);
        CheckedImage image = AssetImages.check(bytes);
        String hash = hash(image);
        Optional<String> existing = repository.contentHash(name);
        if (existing.isPresent()) {
            if (!existing.get().equals(hash)) {
                throw new InvalidInputException("template.import.asset-conflict", "file", name);
            }
            return false;
        }
        repository.insert(name, image, hash, name);
        return true;
    }

    boolean exists(String name) {
        return repository.exists(name);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("asset.name.invalid", "name");
        }
    }

    private static String hash(CheckedImage image) {
        return ContentHash.of("asset", image.mediaType(), ContentHash.ofBytes(image.content()));
    }

    private static String truncate(String s) {
        return s.length() <= 255 ? s : s.substring(0, 255);
    }

    /** The names that {@code asset:} addresses in a layout refer to. */
    static List<String> referencedIn(String source) {
        return ADDRESS.matcher(source).results().map(r -> r.group(1)).distinct().toList();
    }
}
