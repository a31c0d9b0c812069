package dev.mcpauth.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mcpauth.Tool;
import dev.mcpauth.apicheck.ApiBaseline.Verdict;
import dev.mcpauth.apicheck.ApiBaseline.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Guards the public API of this module against the committed baselines, by the rules of {@link ApiBaseline}: an
 * incompatible change to a released API fails the build unless the version and CHANGELOG.md say so, and the baseline
 * of the version being built stays true. With {@code -Dapi.baseline.write=true} it writes that baseline instead
 * (still refusing what the released API forbids). How and when: docs/releasing.md.
 *
 * <p>The API is read from the compiled classes of {@code src/main/java} (the directory {@link Tool} was loaded from),
 * so a new type cannot be forgotten. The version comes from the POM (surefire's {@code api.version}).
 */
class ApiBaselineTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path BASELINES = BASEDIR.resolve("src/test/resources");
    private static final Path CHANGELOG = BASEDIR.resolve("../CHANGELOG.md");
    private static final boolean WRITING = Boolean.getBoolean("api.baseline.write");

    @Test
    void theApiKeepsItsBaselines() {
        Version building = Version.parse(System.getProperty("api.version"));
        SortedMap<String, String> api = ApiSignature.of(classes(), Tool.class.getClassLoader());

        Verdict verdict = ApiBaseline.check(building, api, ApiBaseline.all(BASELINES), changelog(), WRITING);
        if (verdict.failure() != null) {
            fail(verdict.failure());
        }
        if (WRITING) {
            Path file = ApiBaseline.file(BASELINES, building);
            ApiBaseline.write(file, building, "dev.mcpauth:mcp-auth-api", api);
            System.out.println("[api baseline] wrote " + BASEDIR.relativize(file) + ": " + api.size() + " entries");
        } else if (verdict.reminder() != null) {
            System.out.println("[api baseline] " + verdict.reminder());
        }
    }

    /** The directory the module's own classes were compiled to (target/classes). */
    static Path classes() {
        try {
            return Path.of(Tool.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String changelog() {
        try {
            return Files.readString(CHANGELOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
