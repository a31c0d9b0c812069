package dev.mcpauth.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Content;
import dev.mcpauth.McpCaller;
import dev.mcpauth.Tool;
import dev.mcpauth.apicheck.ApiBaseline.Differences;
import dev.mcpauth.apicheck.ApiBaseline.Version;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API check can fail: two versions of a type, written here, differ as a real change would (a method removed, a
 * return type changed, an abstract method added), and the rules refuse each difference until the version and the
 * changelog account for it. Also what the signature of the real API holds.
 */
class ApiBaselineRulesTest {

    /** Version 1 of a type of the API. */
    public interface V1 {
        String name();

        int count();

        void gone();
    }

    /** Version 2: {@code gone()} removed, {@code count()} returns a long, a default method added. */
    public interface V2 {
        String name();

        long count();

        default String added() {
            return "";
        }
    }

    /** Version 3: an abstract method added, which every implementation of version 1 lacks. */
    public interface V3 {
        String name();

        int count();

        void gone();

        String more();
    }

    /** Version 1 of an annotation of the API. */
    @Retention(RetentionPolicy.RUNTIME)
    public @interface A1 {
        String value() default "";
    }

    /** Version 2: an element without a default (every use stops compiling) and one with a default. */
    @Retention(RetentionPolicy.RUNTIME)
    public @interface A2 {
        String value() default "";

        String required();

        int optional() default 1;
    }

    private static final Version RELEASED = Version.parse("0.1.0");

    @Test
    void aRemovedMethodAndAChangedReturnTypeAreIncompatible() {
        Differences differences = ApiBaseline.compare(signature(V1.class), signature(V2.class, V1.class));

        assertEquals(
                List.of(
                        "changed: " + V1.class.getName()
                                + " method count(): public abstract int count()  ->  public abstract long count()",
                        "removed: " + V1.class.getName() + " method gone() = public abstract void gone()"),
                differences.incompatible());
        assertEquals(
                List.of("added: " + V1.class.getName() + " method added() = public default java.lang.String added()"),
                differences.added());
    }

    @Test
    void anAbstractMethodOrARequiredAnnotationElementAddedIsIncompatible() {
        Differences method = ApiBaseline.compare(signature(V1.class), signature(V3.class, V1.class));
        assertEquals(1, method.incompatible().size(), method.toString());
        assertTrue(method.incompatible().get(0).startsWith("added abstract: " + V1.class.getName() + " method more()"));

        Differences annotation = ApiBaseline.compare(signature(A1.class), signature(A2.class, A1.class));
        assertEquals(1, annotation.incompatible().size(), annotation.toString());
        assertTrue(annotation
                .incompatible()
                .get(0)
                .startsWith("added abstract: " + A1.class.getName() + " method required()"));
        assertEquals(
                List.of("added: " + A1.class.getName()
                        + " method optional() = public abstract int optional() default 1"),
                annotation.added());
    }

    @Test
    void onTheSameCompatibilityLineEveryIncompatibleDifferenceIsRefused() {
        Differences differences = ApiBaseline.compare(signature(V1.class), signature(V2.class, V1.class));
        String changelog = "## 0.1.1\n- `V1.gone` and `V1.count` changed\n";

        assertEquals(
                differences.incompatible(),
                ApiBaseline.refused(differences, Version.parse("0.1.1-SNAPSHOT"), RELEASED, changelog));
        assertEquals(
                2,
                ApiBaseline.refused(
                                differences,
                                Version.parse("1.3.0-SNAPSHOT"),
                                Version.parse("1.2.0"),
                                "## 1.3.0\n`V1.gone` `V1.count`")
                        .size());
    }

    @Test
    void anotherCompatibilityLineNeedsAChangelogSectionNamingEachDifference() {
        Differences differences = ApiBaseline.compare(signature(V1.class), signature(V2.class, V1.class));
        Version next = Version.parse("0.2.0-SNAPSHOT");

        List<String> noSection = ApiBaseline.refused(differences, next, RELEASED, "## 0.1.0\n- `V1.gone` removed\n");
        assertTrue(noSection.get(0).startsWith("CHANGELOG.md has no section"), noSection.toString());
        assertEquals(differences.incompatible(), noSection.subList(1, noSection.size()));

        String halfNamed =
                "# Changelog\n\n## Unreleased (0.2.0)\n### Migration\n- `V1.gone` is gone: use `V1.name`\n\n## 0.1.0\n- `V1.count`\n";
        List<String> refused = ApiBaseline.refused(differences, next, RELEASED, halfNamed);
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains(" method count()"), refused.toString());

        String named = "## 0.2.0 (2027-01-04)\n### Migration\n- `V1.gone` is gone; `V1.count` returns a long\n";
        assertEquals(List.of(), ApiBaseline.refused(differences, next, RELEASED, named));
        assertEquals(
                List.of(),
                ApiBaseline.refused(
                        differences, Version.parse("2.0.0"), Version.parse("1.4.2"), named.replace("0.2.0", "2.0.0")));
    }

    @Test
    void versionsAndChangelogSections() {
        assertTrue(Version.parse("0.2.0-SNAPSHOT").leavesCompatibilityLineOf(RELEASED));
        assertFalse(Version.parse("0.1.7").leavesCompatibilityLineOf(RELEASED));
        assertFalse(Version.parse("1.9.0").leavesCompatibilityLineOf(Version.parse("1.0.0")));
        assertTrue(Version.parse("2.0.0").leavesCompatibilityLineOf(Version.parse("1.9.0")));
        assertTrue(Version.parse("0.1.0-SNAPSHOT").compareTo(RELEASED) < 0);
        assertEquals(RELEASED, Version.parse("0.1.0-SNAPSHOT").release());

        String changelog = "# Changelog\n\n## Unreleased (0.1.0)\nfirst\n\n## 0.0.10\nolder\n";
        assertEquals("first\n\n", ApiBaseline.section(changelog, RELEASED).orElseThrow());
        assertTrue(ApiBaseline.section(changelog, Version.parse("0.0.1")).isEmpty());
        assertTrue(ApiBaseline.section(changelog, Version.parse("0.1.0")).isPresent());
        assertEquals(
                "McpInput.canAsk",
                ApiBaseline.element("removed: dev.mcpauth.McpInput method canAsk(java.lang.String) = ..."));
        assertEquals(
                "Answer.result", ApiBaseline.element("changed: dev.mcpauth.McpInput$Answer method result(): a  ->  b"));
        assertEquals(
                "McpConfigKeys.SERVER_NAME",
                ApiBaseline.element("changed: dev.mcpauth.McpConfigKeys field SERVER_NAME: a  ->  b"));
        assertEquals("Text", ApiBaseline.element("removed: dev.mcpauth.Content$Text type = ..."));
    }

    @Test
    void theVerdictOfABuild() {
        SortedMap<String, String> v1 = signature(V1.class);
        SortedMap<String, String> v2 = signature(V2.class, V1.class);
        ApiBaseline.Baseline released = baseline("0.1.0", v1);
        Version patch = Version.parse("0.1.1-SNAPSHOT");

        // the released API is guarded, also when the baseline is about to be written
        assertTrue(check(patch, v2, List.of(released), false)
                .failure()
                .startsWith("Incompatible change(s) to the API released as 0.1.0"));
        assertTrue(check(patch, v2, List.of(released), true).failure().contains("set the version to 0.2.0-SNAPSHOT"));
        assertEquals(
                null,
                check(Version.parse("0.2.0-SNAPSHOT"), v2, List.of(released), true)
                        .failure());
        // additions only remind, until the version is released
        SortedMap<String, String> v1more = new TreeMap<>(v1);
        v1more.put(V1.class.getName() + " method more()", "public default java.lang.String more()");
        assertEquals(new ApiBaseline.Verdict(null, null), check(patch, v1, List.of(released), false));
        assertEquals(null, check(patch, v1more, List.of(released), false).failure());
        assertTrue(check(patch, v1more, List.of(released), false)
                .reminder()
                .startsWith("1 addition(s) not yet in a baseline of 0.1.1"));
        assertTrue(check(patch, v1more, List.of(released, baseline("0.1.1", v1)), false)
                .reminder()
                .startsWith("1 addition(s) not yet in api-baseline-0.1.1.txt"));
        assertTrue(check(Version.parse("0.1.1"), v1, List.of(released), false)
                .failure()
                .startsWith("The release 0.1.1 must record its API"));
        assertEquals(
                new ApiBaseline.Verdict(null, null),
                check(Version.parse("0.1.1"), v1, List.of(released, baseline("0.1.1", v1)), false));
        // the version's own baseline, once written, stays true: a removal fails until it is written again
        ApiBaseline.Verdict stale = check(Version.parse("0.2.0-SNAPSHOT"), v1, List.of(baseline("0.2.0", v2)), false);
        assertTrue(
                stale.failure()
                        .startsWith(
                                "api-baseline-0.2.0.txt, the baseline of the version being built (0.2.0-SNAPSHOT), no longer holds"),
                stale.failure());
        assertTrue(check(patch, v1, List.of(), false).failure().startsWith("No API baseline"));
    }

    private static ApiBaseline.Verdict check(
            Version building, SortedMap<String, String> api, List<ApiBaseline.Baseline> baselines, boolean writing) {
        return ApiBaseline.check(
                building, api, baselines, "## 0.2.0\n- `V1.gone` is gone; `V1.count` returns a long\n", writing);
    }

    private static ApiBaseline.Baseline baseline(String version, SortedMap<String, String> api) {
        return new ApiBaseline.Baseline(Version.parse(version), Path.of("api-baseline-" + version + ".txt"), api);
    }

    @Test
    void aBaselineIsWrittenAndReadBack(@TempDir Path directory) {
        SortedMap<String, String> api = signature(V2.class);
        Path file = ApiBaseline.file(directory, Version.parse("0.3.0-SNAPSHOT"));
        ApiBaseline.write(file, Version.parse("0.3.0-SNAPSHOT"), "g:a", api);

        assertEquals(directory.resolve("api-baseline-0.3.0.txt"), file);
        ApiBaseline.Baseline read = ApiBaseline.all(directory).get(0);
        assertEquals(Version.parse("0.3.0"), read.version());
        assertEquals(api, read.api());
    }

    @Test
    void theSignatureOfTheRealApiHoldsEveryKindOfElement() {
        SortedMap<String, String> api = ApiSignature.of(ApiBaselineTest.classes(), Tool.class.getClassLoader());

        assertEquals("public @interface dev.mcpauth.Tool", api.get("dev.mcpauth.Tool type"));
        assertEquals(
                "@java.lang.annotation.Retention(value=java.lang.annotation.RetentionPolicy.RUNTIME)",
                api.get("dev.mcpauth.Tool annotation java.lang.annotation.Retention"));
        assertEquals("public abstract java.lang.String name() default \"\"", api.get("dev.mcpauth.Tool method name()"));
        assertEquals(
                "@jakarta.enterprise.util.Nonbinding",
                api.get("dev.mcpauth.RequiresScope method value() annotation jakarta.enterprise.util.Nonbinding"));
        assertEquals(
                "public static final java.lang.String = \"mcp.server.name\"",
                api.get("dev.mcpauth.McpConfigKeys field SERVER_NAME"));
        assertEquals("java.util.Set<java.lang.String> scopes", api.get("dev.mcpauth.McpCaller component 2"));
        assertEquals("enum constant", api.get("dev.mcpauth.PromptMessage$Role constant USER"));
        assertEquals(
                "public sealed interface dev.mcpauth.Content permits dev.mcpauth.Content$Audio, dev.mcpauth.Content$EmbeddedResource,"
                        + " dev.mcpauth.Content$Image, dev.mcpauth.Content$Text",
                api.get("dev.mcpauth.Content type"));
        assertEquals("dev.mcpauth.Content", api.get("dev.mcpauth.Content$Text supertype dev.mcpauth.Content"));
        assertEquals(
                "public abstract dev.mcpauth.McpCaller verify(java.lang.String) throws dev.mcpauth.spi.TokenVerifier$TokenRejectedException,"
                        + " dev.mcpauth.spi.TokenVerifier$VerificationUnavailableException",
                api.get("dev.mcpauth.spi.TokenVerifier method verify(java.lang.String)"));
        assertTrue(api.get("dev.mcpauth.ToolResult method of(dev.mcpauth.Content[])")
                .endsWith("of(dev.mcpauth.Content...)"));
        assertTrue(
                api.keySet().stream().noneMatch(key -> key.startsWith("dev.mcpauth.McpProgress$1")),
                "an anonymous class is no API");
        assertTrue(api.containsKey(McpCaller.class.getName()
                + " constructor (java.lang.String,java.lang.String,java.util.Set,java.util.Map)"));
        assertTrue(api.containsKey(Content.Text.class.getName() + " method text()"));
    }

    /** The signature of a type, written as if it were {@code as} (so two versions of one type can be compared). */
    private static SortedMap<String, String> signature(Class<?> type, Class<?> as) {
        SortedMap<String, String> renamed = new TreeMap<>();
        for (Map.Entry<String, String> entry : ApiSignature.of(type).entrySet()) {
            renamed.put(
                    entry.getKey().replace(type.getName(), as.getName()),
                    entry.getValue().replace(type.getName(), as.getName()));
        }
        return renamed;
    }

    private static SortedMap<String, String> signature(Class<?> type) {
        return ApiSignature.of(type);
    }
}
