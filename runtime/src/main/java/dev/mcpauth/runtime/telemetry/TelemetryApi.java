package dev.mcpauth.runtime.telemetry;

/**
 * Whether the application sees the OpenTelemetry API (Open Liberty's {@code mpTelemetry-2.0} with third-party API
 * visibility, Payara's MicroProfile Telemetry): only then is {@link OpenTelemetryTracing} registered, so the runtime
 * runs unchanged, and never loads an OpenTelemetry class, on a server without it.
 */
public final class TelemetryApi {

    private TelemetryApi() {}

    /**
     * Whether the OpenTelemetry API can be loaded by the application.
     *
     * @return true when {@code io.opentelemetry.api.OpenTelemetry} is visible
     */
    public static boolean available() {
        try {
            Class.forName(
                    "io.opentelemetry.api.OpenTelemetry",
                    false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
