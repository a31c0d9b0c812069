package dev.mcpauth.runtime.resources;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level 1 URI template ({@code tickets://{id}}, {@code test://template/{id}/data}): literal text and
 * simple variables. A variable matches one or more characters other than {@code /}, {@code ?} and {@code #} and
 * ends at the first place where the literal text after it follows, percent-decoded; so a URI matches at most one
 * way, a variable never spans path segments, and matching takes time linear in the URI's length (a backtracking
 * regular expression per variable took quadratic time for URIs such as {@code x://} plus many separators).
 */
public final class UriTemplate {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9_]+}");

    private final String template;
    private final List<String> variables;
    /** The literal text before each variable and, last, the text after the last one (possibly empty). */
    private final List<String> literals;

    private UriTemplate(String template, List<String> variables, List<String> literals) {
        this.template = template;
        this.variables = List.copyOf(variables);
        this.literals = List.copyOf(literals);
    }

    /**
     * Parses a template.
     *
     * @param template the template text
     * @return the template, or empty with {@code problem} filled when it is not a level 1 template
     */
    public static Parsed parse(String template) {
        List<String> variables = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                return Parsed.problem("a '}' without its '{'");
            }
            if (open < 0) {
                literals.add(template.substring(i));
                break;
            }
            if (close < 0) {
                return Parsed.problem("a '{' without its '}'");
            }
            String name = template.substring(open + 1, close);
            if (!VARIABLE_NAME.matcher(name).matches()) {
                return Parsed.problem(
                        "'{" + name + "}' is not a simple variable (level 1: letters, digits and '_' only)");
            }
            if (variables.contains(name)) {
                return Parsed.problem("the variable '" + name + "' appears twice");
            }
            if (open == i && !variables.isEmpty()) {
                return Parsed.problem("two variables with nothing between them cannot be told apart");
            }
            literals.add(template.substring(i, open));
            variables.add(name);
            i = close + 1;
        }
        if (!template.contains("://") && !template.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Parsed.problem("it has no URI scheme (such as tickets://)");
        }
        return new Parsed(Optional.of(new UriTemplate(template, variables, literals)), null);
    }
    /** A parse outcome: the template, or why there is none. */
    public record Parsed(Optional<UriTemplate> template, String problem) {
        static Parsed problem(String why) {
            return new Parsed(Optional.empty(), why);
        }
    }

    /** The template text. */
    public String text() {
        return template;
    }

    /**
     * The template with its variables unnamed ({@code tickets://{}}): two templates of one shape match exactly the
     * same URIs, so only one of them could ever serve a read.
     *
     * @return the shape
     */
    public String shape() {
        return VARIABLE.matcher(template).replaceAll("{}");
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The variables of {@code uri}, if it matches: each variable ends where the literal text after it first
     * follows (or, for a last variable with nothing after it, at the end), and holds no {@code /}, {@code ?} or
     * {@code #}. One pass over the URI, no backtracking.
     *
     * @param uri a URI
     * @return each variable's decoded value, or empty when the URI does not match
     */
    public Optional<Map<String, String>> match(String uri) {
        if (!uri.startsWith(literals.get(0))) {
            return Optional.empty();
        }
        int at = literals.get(0).length();
        Map<String, String> values = new LinkedHashMap<>();
        for (int v = 0; v < variables.size(); v++) {
            String next = literals.get(v + 1);
            boolean last = v == variables.size() - 1;
            int end = at;
            while (end < uri.length()
                    && "/?#".indexOf(uri.charAt(end)) < 0
                    && (next.isEmpty() || end == at || !uri.startsWith(next, end))) {
                end++;
            }
            if (end == at || (next.isEmpty() ? end != uri.length() : !uri.startsWith(next, end))) {
                return Optional.empty();
            }
            try {
                values.put(
                        variables.get(v),
                        URLDecoder.decode(uri.substring(at, end).replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a broken percent-escape names no resource
            }
            at = end + next.length();
            if (last && at != uri.length()) {
                return Optional.empty();
            }
        }
        return variables.isEmpty() && !uri.equals(template) ? Optional.empty() : Optional.of(values);
    }

    /**
     * Why a decoded variable value may not reach an application method unless it opted in
     * ({@code McpResourceTemplate.uncheckedVariables}): a value that names another path than the segment it came
     * from ({@code /}, {@code \\}, {@code .}, {@code ..}) or carries control characters ({@code %00}, line breaks),
     * which code that builds file paths, queries or log lines from it would misread.
     *
     * @param value a decoded variable value
     * @return the reason, or empty when the value is safe
     */
    public static Optional<String> unsafe(String value) {
        if (value.equals(".") || value.equals("..")) {
            return Optional.of("it is '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("it contains '" + c + "'");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("it contains a control character");
            }
        }
        return Optional.empty();
    }
}
