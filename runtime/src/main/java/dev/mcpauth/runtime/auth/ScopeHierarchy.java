package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configured scope hierarchy ({@code tickets:admin=tickets:read tickets:write}): a granted scope brings the
 * scopes it implies, transitively. Computed once at startup; applied to each verified caller.
 */
public final class ScopeHierarchy {

    private ScopeHierarchy() {}

    /**
     * Parses the entries and closes them transitively.
     *
     * @param entries {@code scope=implied implied ...} each
     * @param key the configuration key, for messages
     * @param config where to report bad entries
     * @return each scope with every scope it implies
     */
    static Map<String, Set<String>> parse(List<String> entries, String key, ConfigReader config) {
        Map<String, Set<String>> direct = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String scope = equals < 0 ? "" : entry.substring(0, equals).trim();
            List<String> implied = equals < 0
                    ? List.of()
                    : List.of(entry.substring(equals + 1).trim().split("\\s+"));
            if (!Scopes.isScopeToken(scope)
                    || implied.isEmpty()
                    || !implied.stream().allMatch(Scopes::isScopeToken)) {
                config.problem(Message.CONFIG_SCOPE_IMPLICATION_INVALID.format(key, entry));
                continue;
            }
            direct.computeIfAbsent(scope, s -> new LinkedHashSet<>()).addAll(implied);
        }
        Map<String, Set<String>> closed = new LinkedHashMap<>();
        for (String scope : direct.keySet()) {
            Set<String> all = new LinkedHashSet<>();
            Deque<String> pending = new ArrayDeque<>(direct.get(scope));
            while (!pending.isEmpty()) {
                String next = pending.pop();
                if (!next.equals(scope) && all.add(next)) {
                    pending.addAll(direct.getOrDefault(next, Set.of()));
                }
            }
            closed.put(scope, Set.copyOf(all));
        }
        return Map.copyOf(closed);
    }

    /**
     * The caller with the scopes its scopes imply added; the same caller when nothing is implied.
     *
     * @param caller a verified caller
     * @param implications the closed hierarchy
     * @return the caller as far as authorization is concerned
     */
    public static McpCaller expand(McpCaller caller, Map<String, Set<String>> implications) {
        if (implications.isEmpty()) {
            return caller;
        }
        Set<String> scopes = null;
        for (String granted : caller.scopes()) {
            Set<String> implied = implications.get(granted);
            if (implied != null && !caller.scopes().containsAll(implied)) {
                if (scopes == null) {
                    scopes = new LinkedHashSet<>(caller.scopes());
                }
                scopes.addAll(implied);
            }
        }
        return scopes == null
                ? caller
                : new McpCaller(caller.subject(), caller.clientId(), scopes, caller.claims(), caller.issuer());
    }
}
