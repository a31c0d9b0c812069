package dev.mcpauth.runtime.resources;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level 1 URI template ({@code tickets://{id}}, {@code test://template/{id}/data}): literal text and
 * simple variables. A variable matches one or more characters other than {@code /}, {@code ?} and {@code #},
 * percent-decoded, so a URI matches at most one way and a variable never spans path segments.
 */
public final class UriTemplate {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9_]+}");

    private final String template;
    private final List<String> variables;
    private final Pattern pattern;

    private UriTemplate(String template, List<String> variables, Pattern pattern) {
        this.template = template;
        this.variables = List.copyOf(variables);
        this.pattern = pattern;
    }

    /**
     * Parses a template.
     *
     * @param template the template text
     * @return the template, or empty with {@code problem} filled when it is not a level 1 template
     */
    public static Parsed parse(String template) {
        List<String> variables = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        boolean lastWasVariable = false;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                return Parsed.problem("a '}' without its '{'");
            }
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
                lastWasVariable = false;
            }
            if (close < 0) {
                return Parsed.problem("a '{' without its '}'");
            }
            String name = template.substring(open + 1, close);
            if (!VARIABLE_NAME.matcher(name).matches()) {
                return Parsed.problem("'{" + name + "}' is not a simple variable (level 1: letters, digits and '_' only)");
            }
            if (variables.contains(name)) {
                return Parsed.problem("the variable '" + name + "' appears twice");
            }
            if (lastWasVariable) {
                return Parsed.problem("two variables with nothing between them cannot be told apart");
            }
            variables.add(name);
            regex.append("([^/?#]+)");
            lastWasVariable = true;
            i = close + 1;
        }
        if (!template.contains("://") && !template.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Parsed.problem("it has no URI scheme (such as tickets://)");
        }
        return new Parsed(Optional.of(new UriTemplate(template, variables, Pattern.compile(regex.toString()))), null);
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
     * The variables of {@code uri}, if it matches.
     *
     * @param uri a URI
     * @return each variable's decoded value, or empty when the URI does not match
     */
    public Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int v = 0; v < variables.size(); v++) {
            try {
                values.put(variables.get(v), URLDecoder.decode(matcher.group(v + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a broken percent-escape names no resource
            }
        }
        return Optional.of(values);
    }
}
