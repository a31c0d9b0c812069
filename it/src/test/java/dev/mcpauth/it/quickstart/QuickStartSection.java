package dev.mcpauth.it.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "Quick start: your own WAR" section, read as a user reads it: the dependency, the Java class, the
 * configuration file (with the path its first comment names), and the Liberty features of the sentence
 * "Enable these Liberty features ...". Anything missing fails with the README named, so a rewording that drops a
 * piece shows up here rather than in a user's build.
 */
record QuickStartSection(
        String groupId,
        String artifactId,
        String version,
        String javaSource,
        String propertiesPath,
        String properties,
        List<String> features) {

    static final String HEADING = "## Quick start: your own WAR";

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\s*$");
    private static final Pattern FEATURES =
            Pattern.compile("Enable these Liberty features[^:]*:\\s*((?:`[^`]+`(?:,\\s*)?)+)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern PROPERTIES_PATH = Pattern.compile("\\A#\\s*src/main/resources/(\\S+)\\s*\\n");

    static QuickStartSection read(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(HEADING + "\n");
        if (start < 0) {
            throw new AssertionError(readme + " has no section \"" + HEADING + "\"");
        }
        int end = text.indexOf("\n## ", start + HEADING.length());
        String section = text.substring(start, end < 0 ? text.length() : end);

        String xml = block(section, "xml");
        String java = block(section, "java");
        String properties = block(section, "properties");
        Matcher path = PROPERTIES_PATH.matcher(properties);
        if (!path.find()) {
            throw new AssertionError("the quick start's properties block no longer starts with the file's path"
                    + " (# src/main/resources/...): " + properties);
        }
        Matcher sentence = FEATURES.matcher(section);
        if (!sentence.find()) {
            throw new AssertionError(
                    "the quick start no longer has the sentence \"Enable these Liberty features ...: `a`, `b`.\"");
        }
        List<String> features = new ArrayList<>();
        Matcher feature = CODE_SPAN.matcher(sentence.group(1));
        while (feature.find()) {
            features.add(feature.group(1));
        }
        return new QuickStartSection(
                element(xml, "groupId"),
                element(xml, "artifactId"),
                element(xml, "version"),
                java,
                path.group(1),
                properties,
                List.copyOf(features));
    }

    /** The one fenced block of {@code language} in the section. */
    private static String block(String section, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(section);
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                blocks.add(fence.group(2));
            }
        }
        if (blocks.size() != 1) {
            throw new AssertionError(
                    "the quick start should have one ```" + language + " block, it has " + blocks.size());
        }
        return blocks.get(0);
    }

    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">\\s*([^<\\s]+)\\s*</" + name + ">")
                .matcher(xml);
        if (!matcher.find()) {
            throw new AssertionError("the quick start's dependency has no <" + name + ">: " + xml);
        }
        return matcher.group(1);
    }
}
