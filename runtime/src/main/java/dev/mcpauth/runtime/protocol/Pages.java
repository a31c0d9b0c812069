package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination of the list methods (MCP, Pagination). Cursors are opaque to clients; ours carry the list's
 * key and the offset of the next page, so a cursor of one list is refused by another, and every instance of a
 * stateless deployment (same items, same order) continues any other's page.
 */
final class Pages {

    private Pages() {}

    /**
     * One page of {@code items}.
     *
     * @param params the list request's params, maybe with {@code cursor}
     * @param items every item the caller may see, in the list's stable order
     * @param descriptor an item's JSON
     * @param pageSize items per page
     * @param key the result's array name ({@code tools}, {@code resources}, …), also the cursor's prefix
     * @return the page, with {@code nextCursor} when more follow
     * @throws JsonRpcException {@code INVALID_PARAMS} for a malformed or foreign cursor
     */
    static <T> JsonObject page(
            JsonObject params, List<T> items, Function<T, JsonObject> descriptor, int pageSize, String key) {
        int offset = params.containsKey("cursor") ? decodeCursor(params.get("cursor"), items.size(), key) : 0;
        int end = Math.min(items.size(), offset + pageSize);
        JsonArrayBuilder page = Jsonp.array();
        for (T item : items.subList(offset, end)) {
            page.add(descriptor.apply(item));
        }
        JsonObjectBuilder result = Jsonp.object().add(key, page);
        if (end < items.size()) {
            result.add("nextCursor", encodeCursor(end, key));
        }
        return result.build();
    }

    private static String encodeCursor(int offset, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((key + ":" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decodeCursor(JsonValue cursor, int size, String key) {
        try {
            String text = new String(
                    Base64.getUrlDecoder().decode(((JsonString) cursor).getString()), StandardCharsets.US_ASCII);
            String prefix = key + ":";
            int offset = Integer.parseInt(text.startsWith(prefix) ? text.substring(prefix.length()) : "x");
            if (offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (RuntimeException e) {
            // any malformed cursor is the same error to the client
        }
        throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Invalid cursor");
    }
}
