package dev.mcpauth.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API baselines ({@code api-baseline-<version>.txt}: the {@link ApiSignature} of a version, committed) and the
 * rules a build of the api module keeps against them (docs/releasing.md):
 *
 * <ul>
 *   <li>An element of the <em>released</em> baseline (the newest one older than the version being built) that is gone
 *   or changed, an abstract method added to one of its types (their implementations stop compiling), or an
 *   annotation element without a default added to one of its annotation types (their uses stop compiling), is an
 *   incompatible difference. It is refused unless the version being built moved to another compatibility line
 *   (another minor while the major is 0, another major from 1.0 on) and CHANGELOG.md's section of that version names
 *   it ({@code Type.member}, or {@code Type} for a type).</li>
 *   <li>The baseline of the version being built, once written, must stay true: an element of it that is gone or
 *   changed fails until the baseline is written again. Additions only print a reminder to write it.</li>
 *   <li>A release (a version without {@code -SNAPSHOT}) must have its own baseline, equal to its API.</li>
 * </ul>
 *
 * <p>So a baseline may be rewritten at will while its version is being developed, and never weakens the check
 * against the versions released before it.
 */
final class ApiBaseline {

    private static final Pattern FILE = Pattern.compile("api-baseline-(\\d+\\.\\d+\\.\\d+)\\.txt");
    private static final String SEPARATOR = " = ";

    private ApiBaseline() {}

    /**
     * A version {@code major.minor.patch}, with {@code -SNAPSHOT} or not.
     *
     * @param major the major number
     * @param minor the minor number
     * @param patch the patch number
     * @param snapshot whether it is a development version of major.minor.patch
     */
    record Version(int major, int minor, int patch, boolean snapshot) implements Comparable<Version> {

        private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-SNAPSHOT)?");

        static Version parse(String text) {
            Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a version major.minor.patch[-SNAPSHOT]: " + text);
            }
            return new Version(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)),
                    matcher.group(4) != null);
        }

        /** The version without {@code -SNAPSHOT}: the one a baseline is named after. */
        Version release() {
            return new Version(major, minor, patch, false);
        }

        /** Whether an incompatible change from {@code older} to this version is allowed by the numbers. */
        boolean leavesCompatibilityLineOf(Version older) {
            return major != older.major || (major == 0 && minor != older.minor);
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major)
                    .thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch)
                    .thenComparing(v -> !v.snapshot())
                    .compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (snapshot ? "-SNAPSHOT" : "");
        }
    }

    /**
     * A committed baseline.
     *
     * @param version the version it records
     * @param file where it is
     * @param api its entries
     */
    record Baseline(Version version, Path file, SortedMap<String, String> api) {}

    /**
     * The differences between a baseline and the API built now.
     *
     * @param incompatible what breaks a user of the baseline's version, one line each
     * @param added what is new and breaks nobody, one line each
     */
    record Differences(List<String> incompatible, List<String> added) {}

    /**
     * What a build of the api module makes of its API and the baselines.
     *
     * @param failure why the build fails, or null when it passes
     * @param reminder what to do though it passes (write the baseline to record additions), or null
     */
    record Verdict(String failure, String reminder) {}

    /** The command that writes the baseline of the version being built. */
    static final String WRITE = "mvn -B -pl api verify -Dapi.baseline.write=true";

    /**
     * Checks the API built now against the baselines, by the rules above.
     *
     * @param building the version being built
     * @param api the API built now
     * @param baselines every committed baseline
     * @param changelog the text of CHANGELOG.md
     * @param writing whether the baseline of {@code building} is about to be written: then only the released API is
     *     checked, so writing never hides a refused change
     * @return the verdict
     */
    static Verdict check(
            Version building, Map<String, String> api, List<Baseline> baselines, String changelog, boolean writing) {
        Optional<Baseline> released = baselines.stream()
                .filter(b -> b.version().compareTo(building.release()) < 0)
                .reduce((older, newer) -> newer);
        Optional<Baseline> own = baselines.stream()
                .filter(b -> b.version().equals(building.release()))
                .findFirst();

        if (released.isPresent()) {
            Version version = released.get().version();
            List<String> refused = refused(compare(released.get().api(), api), building, version, changelog);
            if (!refused.isEmpty()) {
                Version next = version.major() == 0
                        ? new Version(0, version.minor() + 1, 0, true)
                        : new Version(version.major() + 1, 0, 0, true);
                String remedy =
                        building.leavesCompatibilityLineOf(version) ? "" : "set the version to " + next + " and ";
                return new Verdict(
                        "Incompatible change(s) to the API released as " + version + " ("
                                + released.get().file().getFileName()
                                + "):\n  " + String.join("\n  ", refused) + "\nIf meant: " + remedy
                                + "name each of them in CHANGELOG.md's"
                                + " section of " + (remedy.isEmpty() ? building.release() : next.release())
                                + " (as Type.member, or Type),"
                                + " with what a user must do (docs/releasing.md).",
                        null);
            }
        }
        if (writing) {
            return new Verdict(null, null);
        }
        Optional<Baseline> reference = own.or(() -> released);
        if (reference.isEmpty()) {
            return new Verdict("No API baseline (api-baseline-<version>.txt): write one with " + WRITE, null);
        }
        Differences differences = compare(reference.get().api(), api);
        if (own.isPresent() && !differences.incompatible().isEmpty()) {
            return new Verdict(
                    own.get().file().getFileName() + ", the baseline of the version being built (" + building
                            + "), no longer holds:\n  " + String.join("\n  ", differences.incompatible())
                            + "\nIf meant ("
                            + building.release() + " is not released yet), write it again: " + WRITE,
                    null);
        }
        boolean recorded = differences.added().isEmpty() && (own.isPresent() || building.snapshot());
        if (recorded) { // a development version that adds nothing needs no baseline of its own
            return new Verdict(null, null);
        }
        if (!building.snapshot()) {
            return new Verdict(
                    "The release " + building + " must record its API in api-baseline-" + building
                            + ".txt: write it with " + WRITE,
                    null);
        }
        return new Verdict(
                null,
                differences.added().size() + " addition(s) not yet in "
                        + (own.isPresent() ? own.get().file().getFileName() : "a baseline of " + building.release())
                        + "; record them with "
                        + WRITE + "\n  " + String.join("\n  ", differences.added()));
    }

    /** Every baseline in a directory, oldest first. */
    static List<Baseline> all(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> FILE.matcher(f.getFileName().toString()).matches())
                    .map(ApiBaseline::read)
                    .sorted(Comparator.comparing(Baseline::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a version's baseline. */
    static Path file(Path directory, Version version) {
        return directory.resolve("api-baseline-" + version.release() + ".txt");
    }

    static Baseline read(Path file) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a baseline file name: " + file);
        }
        SortedMap<String, String> api = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int separator = line.indexOf(SEPARATOR);
                if (separator < 0) {
                    throw new IllegalArgumentException(file + ": not 'key = value': " + line);
                }
                api.put(line.substring(0, separator), line.substring(separator + SEPARATOR.length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Baseline(Version.parse(name.group(1)), file, api);
    }

    static void write(Path file, Version version, String artifact, Map<String, String> api) {
        List<String> lines = new ArrayList<>();
        lines.add("# The public API of " + artifact + " " + version.release()
                + ": every public and protected type and member, one per line, sorted.");
        lines.add(
                "# Checked by ApiBaselineTest; written by it with -Dapi.baseline.write=true, never by hand (docs/releasing.md).");
        api.forEach((key, value) -> lines.add(key + SEPARATOR + value));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What changed from a baseline to the API built now.
     *
     * @param baseline the baseline's entries
     * @param current the entries built now
     * @return the incompatible and the compatible differences
     */
    static Differences compare(Map<String, String> baseline, Map<String, String> current) {
        List<String> incompatible = new ArrayList<>();
        List<String> added = new ArrayList<>();
        baseline.forEach((key, value) -> {
            String now = current.get(key);
            if (now == null) {
                if (!deprecation(key)) {
                    incompatible.add("removed: " + key + SEPARATOR + value);
                }
            } else if (!now.equals(value)) {
                incompatible.add("changed: " + key + ": " + value + "  ->  " + now);
            }
        });
        current.forEach((key, value) -> {
            if (baseline.containsKey(key)) {
                return;
            }
            String owner = key.substring(0, key.indexOf(' '));
            if (baseline.containsKey(owner + " type") && breaksExistingCode(key, value)) {
                incompatible.add("added abstract: " + key + SEPARATOR + value
                        + " (implementations, or uses of the annotation, no longer compile)");
            } else {
                added.add("added: " + key + SEPARATOR + value);
            }
        });
        return new Differences(List.copyOf(incompatible), List.copyOf(added));
    }

    /** Deprecating or undeprecating breaks nobody. */
    private static boolean deprecation(String key) {
        return key.endsWith(" annotation java.lang.Deprecated");
    }

    /** An abstract method (an annotation element without a default is one too), added to a type that existed. */
    private static boolean breaksExistingCode(String key, String value) {
        boolean method = key.contains(" method ") && !key.contains(" annotation ");
        boolean isAbstract = (" " + value).contains(" abstract ");
        boolean hasDefault = value.contains(") default ");
        return method && isAbstract && !hasDefault;
    }

    /**
     * The incompatible differences from a released baseline that the version being built does not account for: all
     * of them while it stays on the baseline's compatibility line; otherwise those that CHANGELOG.md's section of the
     * version does not name.
     *
     * @param differences the differences from the released baseline
     * @param building the version being built
     * @param released the released baseline's version
     * @param changelog the text of CHANGELOG.md
     * @return the refused differences, with the reason in the first line when there are any
     */
    static List<String> refused(Differences differences, Version building, Version released, String changelog) {
        if (differences.incompatible().isEmpty()) {
            return List.of();
        }
        if (!building.leavesCompatibilityLineOf(released)) {
            return differences.incompatible();
        }
        Optional<String> section = section(changelog, building.release());
        if (section.isEmpty()) {
            List<String> refused = new ArrayList<>();
            refused.add("CHANGELOG.md has no section (a '## ' heading) naming " + building.release() + ":");
            refused.addAll(differences.incompatible());
            return refused;
        }
        return differences.incompatible().stream()
                .filter(difference -> !section.get().contains(element(difference)))
                .toList();
    }

    /** The text of CHANGELOG.md's section whose heading names the version. */
    static Optional<String> section(String changelog, Version version) {
        Pattern heading = Pattern.compile("^## .*(?<![\\d.])" + Pattern.quote(version.toString()) + "(?![\\d.])");
        StringBuilder section = null;
        for (String line : changelog.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (section != null) {
                    break;
                }
                if (heading.matcher(line).find()) {
                    section = new StringBuilder();
                }
            } else if (section != null) {
                section.append(line).append('\n');
            }
        }
        return Optional.ofNullable(section).map(StringBuilder::toString);
    }

    /**
     * How CHANGELOG.md must name the element of a difference: {@code Type.member} for a method, field or enum constant
     * ({@code McpInput.canAsk}; a nested type by its own simple name: {@code Answer.result}), {@code Type} for anything
     * else (the type itself, a supertype, a record component, a constructor, an annotation of the type).
     */
    static String element(String difference) {
        String key = difference.substring(difference.indexOf(": ") + 2);
        String owner = key.substring(0, key.indexOf(' '));
        String type = owner.substring(Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$')) + 1);
        String[] parts = key.substring(owner.length() + 1).split(" ");
        String kind = parts[0];
        return switch (kind) {
            case "method", "field", "constant" -> type + "." + parts[1].replaceFirst("[(:].*", "");
            default -> type;
        };
    }
}
