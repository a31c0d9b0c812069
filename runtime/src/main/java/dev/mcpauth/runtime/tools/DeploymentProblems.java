package dev.mcpauth.runtime.tools;

/**
 * The messages of problems that fail a deployment, each with a searchable id. Every message names the
 * tool method as {@code Class#method} so the fix is one click away.
 */
public final class DeploymentProblems {

    private DeploymentProblems() {
    }

    public static String invalidName(String method, String name) {
        return "MCPAUTH-0101: @Tool " + method + " has the invalid tool name '" + name + "': a tool name is 1 to "
                + ToolNames.MAX_LENGTH + " characters of ASCII letters, digits, '_', '-' and '.' (MCP 2025-11-25, Tools)";
    }

    public static String duplicateName(String name, String first, String second) {
        return "MCPAUTH-0102: the tool name '" + name + "' is used by both " + first + " and " + second
                + ": tool names must be unique, set @Tool(name = ...) on one of them";
    }

    public static String unsupportedParameter(String method, String parameter, String why) {
        return "MCPAUTH-0103: @Tool " + method + " parameter '" + parameter + "' has an unsupported type: " + why;
    }

    public static String unsupportedReturn(String method, String why) {
        return "MCPAUTH-0104: @Tool " + method + " has an unsupported return type: " + why;
    }

    public static String notPublic(String method) {
        return "MCPAUTH-0105: @Tool " + method + " must be a public instance method";
    }

    public static String noParameterName(String method, int index) {
        return "MCPAUTH-0106: @Tool " + method + " parameter " + index + " has no name: compile with '-parameters'"
                + " (maven-compiler-plugin <parameters>true</parameters>) or set @ToolArg(name = ...)";
    }

    public static String notProxyable(String beanClass, String scope) {
        return "MCPAUTH-0108: tool bean " + beanClass + " is @" + scope + " but has no non-private constructor without"
                + " parameters, so CDI cannot proxy it: add one (it may be protected), or use field injection";
    }

    public static String invalidScope(String where, String scope) {
        return "MCPAUTH-0109: @RequiresScope on " + where + " names '" + scope + "', which is not a valid OAuth scope:"
                + " printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)";
    }

    public static String duplicateArgument(String method, String argument) {
        return "MCPAUTH-0107: @Tool " + method + " has two parameters named '" + argument + "'";
    }

    public static String callerInLongLivedBean(String injectionPoint, String scope) {
        return "MCPAUTH-0110: " + injectionPoint + " injects McpCaller into a bean that outlives a request (" + scope
                + "), so it would keep the first caller and show it to every later one: take McpCaller as a @Tool method"
                + " parameter, inject Instance<McpCaller> and call get() per call, or make the bean @RequestScoped";
    }
}
