package dev.mcpauth.runtime.tools;

import dev.mcpauth.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    public static class T {
        @Tool public String find(String id) { return id; }
        @SuppressWarnings("rawtypes")
        @Tool public Optional raw() { return Optional.empty(); }
    }
    public record R(String a, @JsonbTransient String secret, @JsonbProperty("bee") String b) {}
    public static class P {
        @JsonbProperty("full_name") private String name = "n";
        @JsonbTransient private String secret = "s";
        public String getName() { return name; }
        public void setName(String n) { name = n; }
        public String getSecret() { return secret; }
        public void setSecret(String s) { secret = s; }
    }

    @Test
    void probe() throws Exception {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < 1000; i++) b.add("x" + i, 1);
        System.out.println("UNKNOWN-CAP " + SchemaValidator.validate(b.build(), TestTools.define(T.class, "find").inputSchema()).size());
        System.out.println("RECORD " + new JsonSchemaGenerator(false).schemaOf(R.class));
        System.out.println("RECORD-JSONB " + JsonbBuilder.create().toJson(new R("a", "s", "b")));
        System.out.println("POJO " + new JsonSchemaGenerator(false).schemaOf(P.class));
        System.out.println("POJO-JSONB " + JsonbBuilder.create().toJson(new P()));
        try { System.out.println("RAW " + TestTools.problemsOf(T.class, "raw")); } catch (Throwable e) { System.out.println("RAW threw " + e); }
        var s = new dev.mcpauth.runtime.transport.McpSettings();
        System.out.println(s.read(new io.smallrye.config.SmallRyeConfigBuilder().withDefaultValues(java.util.Map.of("mcp.allowed-origins", "*")).build()));
        System.out.println(s.read(new io.smallrye.config.SmallRyeConfigBuilder().withDefaultValues(java.util.Map.of()).build()));
        System.out.println("ANY-AFTER-REREAD " + s.isAllowedOrigin("http://evil.example.com"));
    }
}
