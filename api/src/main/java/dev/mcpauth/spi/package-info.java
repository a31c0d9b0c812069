/**
 * What an application may implement to change how the runtime works, beside the annotations it uses to declare
 * features: {@link dev.mcpauth.spi.TokenVerifier}, which turns a bearer token into the caller.
 *
 * <pre>{@code
 * @Alternative @Priority(1) @ApplicationScoped
 * public class PartnerTokens implements TokenVerifier {
 *     public McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException { ... }
 * }
 * }</pre>
 */
package dev.mcpauth.spi;
