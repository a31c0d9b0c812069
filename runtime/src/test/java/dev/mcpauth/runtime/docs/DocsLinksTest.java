package dev.mcpauth.runtime.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README and the pages under {@code docs/} linked together: every relative link in them (and in the
 * repository's other README.md files) names a file that exists, every {@code #anchor} names a heading (or an
 * {@code <a id>}) of the page it points into, the README links every page, and every page links back to the README.
 * Anchors are GitHub's: the heading's text in lower case, spaces turned into '-', every other character but letters,
 * digits, '-' and '_' removed (so backticks go), and "-1", "-2", ... appended to repeated headings. External
 * {@code http(s)} links are not fetched. Read from the files, like {@code MessageTest}: the tests run in
 * {@code runtime/}, so the repository root is {@code ..}.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");
    private static final Path DOCS = ROOT.resolve("docs");

    /** The target of an inline link or image, {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition, {@code [name]: target}. */
    private static final Pattern REFERENCE =
            Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+\"[^\"]*\")?\\s*$");

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR =
            Pattern.compile("<a\\s+(?:[^>]*\\s)?(?:id|name)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** Build output and installed packages; directories whose name starts with a dot are skipped too. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (Link link : links(page)) {
                check(link)
                        .ifPresent(problem -> broken.add(
                                ROOT.relativize(page) + ":" + link.line() + ": (" + link.target() + ") " + problem));
            }
        }
        assertTrue(
                broken.isEmpty(),
                () -> broken.size() + " broken relative link(s) or anchor(s):\n" + String.join("\n", broken));
    }

    @Test
    void theReadmeLinksEveryDocsPage() {
        Set<Path> linked = new TreeSet<>();
        for (Link link : links(README)) {
            relativeTarget(link).ifPresent(target -> linked.add(target.normalize()));
        }
        List<String> unlinked = docsPages().stream()
                .filter(page -> !linked.contains(page.normalize()))
                .map(page -> ROOT.relativize(page).toString())
                .toList();
        assertEquals(List.of(), unlinked, "docs pages the README does not link");
    }

    @Test
    void everyDocsPageLinksBackToTheReadme() {
        List<String> without = new ArrayList<>();
        for (Path page : docsPages()) {
            boolean back = links(page).stream()
                    .anyMatch(link -> relativeTarget(link)
                            .map(t -> t.normalize().equals(README.normalize()))
                            .orElse(false));
            if (!back) {
                without.add(ROOT.relativize(page).toString());
            }
        }
        assertEquals(List.of(), without, "docs pages without a link back to ../README.md");
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals("set-up", anchor("Set up"));
        assertEquals("quick-start-your-own-war", anchor("Quick start: your own WAR"));
        assertEquals("the-mcp-inspector-2x", anchor("The MCP Inspector (2.x)"));
        assertEquals(
                "jakarta-rolesallowed-permitall-denyall-on-tool-beans",
                anchor("Jakarta `@RolesAllowed`, `@PermitAll`, `@DenyAll` on tool beans"));
        assertEquals("the-full-gate-mvn--b-verify", anchor("The full gate: `mvn -B verify`"));
        assertEquals("payara-micro-62025_10-jakarta-ee-10", anchor("Payara Micro (6.2025_10, Jakarta EE 10)"));
        assertEquals(
                List.of("a", "a-1", "b", "a-2", "c"),
                anchorsOf(List.of(
                        "# A",
                        "## A",
                        "text",
                        "### B",
                        "```",
                        "# not a heading",
                        "```",
                        "## A ##",
                        "#not-a-heading",
                        "## C#")));
    }

    @Test
    void aBrokenLinkIsFound() {
        // the check itself: a missing file and a missing anchor are reported, a good anchor and an external link are
        // not
        Path page = README;
        assertTrue(check(new Link(page, 1, "docs/no-such-page.md")).isPresent());
        assertTrue(check(new Link(page, 1, "#no-such-heading")).isPresent());
        assertTrue(check(new Link(page, 1, "docs/guide.md#no-such-heading")).isPresent());
        assertFalse(check(new Link(page, 1, "#set-up")).isPresent());
        assertFalse(check(new Link(page, 1, "https://example.com/#anything")).isPresent());
    }

    record Link(Path page, int line, String target) {}

    /** The README, every page under docs/, and every other README.md of the repository (outside build output). */
    private static List<Path> pages() {
        Set<Path> pages = new LinkedHashSet<>();
        pages.add(README);
        pages.addAll(docsPages());
        List<Path> others = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(ROOT) && (SKIPPED_DIRECTORIES.contains(name) || name.startsWith("."));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().equals("README.md")) {
                        others.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        others.stream().sorted().forEach(pages::add);
        return List.copyOf(pages);
    }

    private static List<Path> docsPages() {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The links of a page, outside fenced code blocks and code spans. */
    private static List<Link> links(Path page) {
        List<Link> links = new ArrayList<>();
        List<String> lines = read(page);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isFence(line)) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                links.add(new Link(page, i + 1, link.group(1)));
            }
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                links.add(new Link(page, i + 1, reference.group(1)));
            }
        }
        return links;
    }

    /** The file a relative link names, or empty for external links and links within the page. */
    private static Optional<Path> relativeTarget(Link link) {
        String target = link.target();
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path base = link.page().getParent() == null ? Path.of(".") : link.page().getParent();
        return Optional.of(base.resolve(decoded));
    }

    /** What is wrong with a link, or empty when it resolves (external links are not fetched). */
    private static Optional<String> check(Link link) {
        String target = link.target();
        if (target.isEmpty()) {
            return Optional.of("an empty link");
        }
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path file = relativeTarget(link).orElse(link.page());
        if (!Files.exists(file)) {
            return Optional.of("no such file: " + ROOT.relativize(file.normalize()));
        }
        if (fragment == null) {
            return Optional.empty();
        }
        if (!file.toString().endsWith(".md") || Files.isDirectory(file)) {
            return Optional.of("an anchor into a file that is not a Markdown page");
        }
        Set<String> anchors = ANCHORS.computeIfAbsent(file.normalize(), f -> new LinkedHashSet<>(anchorsOf(read(f))));
        if (!anchors.contains(fragment)) {
            return Optional.of("no heading or <a id> '" + fragment + "' in " + ROOT.relativize(file.normalize()));
        }
        return Optional.empty();
    }

    private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

    /** The anchors of a page: one per heading, GitHub's way, plus explicit {@code <a id>} / {@code <a name>}. */
    static List<String> anchorsOf(List<String> lines) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : lines) {
            if (isFence(line)) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String base = anchor(heading.group(2));
                int count = seen.merge(base, 1, Integer::sum);
                anchors.add(count == 1 ? base : base + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading's text. */
    static String anchor(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link in a heading: its text
                .replaceAll("<[^>]+>", ""); // inline HTML
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    private static boolean isFence(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("```") || trimmed.startsWith("~~~");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
