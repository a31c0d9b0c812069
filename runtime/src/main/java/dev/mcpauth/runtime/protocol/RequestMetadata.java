package dev.mcpauth.runtime.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The request metadata a client sends beside the body (MCP 2026-07-28, Streamable HTTP, Request Metadata): the
 * protocol revision, the method, the name of the tool, prompt or resource, and the arguments a tool mirrors into
 * {@code Mcp-Param-*} headers. The transport supplies the header lines; the protocol reads and checks them.
 *
 * <p>A mirror header ({@code Mcp-Method}, {@code Mcp-Name}, {@code Mcp-Param-*}) sent on several lines is refused
 * rather than joined: a gateway that reads the first line and a server that read the joined value would see two
 * different requests.
 *
 * @param lines looks up the lines of a header by name, ignoring case; null or empty when it was not sent
 * @param names the names of every header sent, as the client spelled them
 */
public record RequestMetadata(Function<String, List<String>> lines, Supplier<? extends Collection<String>> names) {

    /** The revision of the request. */
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    /** The JSON-RPC method. */
    public static final String METHOD = "Mcp-Method";
    /** {@code params.name} of {@code tools/call} and {@code prompts/get}, {@code params.uri} of {@code resources/read}. */
    public static final String NAME = "Mcp-Name";
    /** The prefix of headers that mirror tool arguments ({@code x-mcp-header}). */
    public static final String PARAM_PREFIX = "Mcp-Param-";

    /** Metadata of a request that has none (a transport without headers). */
    public static final RequestMetadata NONE = new RequestMetadata(name -> null);

    /**
     * Metadata with one value per header and no list of names (tests, transports that join lines themselves).
     *
     * @param headers looks up a header by name, ignoring case; returns its value or null
     */
    public RequestMetadata(UnaryOperator<String> headers) {
        this(
                name -> {
                    String value = headers.apply(name);
                    return value == null ? null : List.of(value);
                },
                List::of);
    }

    /** The {@code MCP-Protocol-Version} header, or null. */
    public String protocolVersion() {
        return value(PROTOCOL_VERSION, false);
    }

    /** The {@code Mcp-Method} header, or null. */
    public String method() {
        return value(METHOD, true);
    }

    /** The {@code Mcp-Name} header as sent (possibly Base64-wrapped), or null. */
    public String name() {
        return value(NAME, true);
    }

    /** The {@code Mcp-Param-<header>} header as sent, or null. */
    public String param(String header) {
        return value(PARAM_PREFIX + header, true);
    }

    /** The part after {@code Mcp-Param-} of every such header sent. */
    public List<String> paramHeaders() {
        List<String> found = new ArrayList<>(0);
        for (String name : names.get()) {
            if (name.regionMatches(true, 0, PARAM_PREFIX, 0, PARAM_PREFIX.length())) {
                found.add(name.substring(PARAM_PREFIX.length()));
            }
        }
        return found;
    }

    /**
     * A header's value without surrounding white space (the revision asks servers to accept it).
     *
     * @param name the header
     * @param mirror whether it mirrors the body, so that several lines are refused instead of joined
     * @return the value, or null when absent
     */
    private String value(String name, boolean mirror) {
        List<String> values = lines.apply(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 && mirror) {
            throw ModernRules.headerMismatch("the " + canonical(name) + " header was sent more than once");
        }
        return (values.size() == 1 ? values.get(0) : String.join(",", values)).trim();
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(PARAM_PREFIX.toLowerCase(Locale.ROOT))
                ? PARAM_PREFIX + name.substring(PARAM_PREFIX.length())
                : name;
    }
}
