package dev.mcpauth.runtime.features;

/** Default names of feature items, derived from their Java methods. */
public final class Names {

    private Names() {}

    /**
     * A method name in snake case: {@code searchTickets} to {@code search_tickets}, {@code getURLList} to
     * {@code get_url_list}.
     *
     * @param methodName the Java method name
     * @return the snake-case name
     */
    public static String snakeCase(String methodName) {
        StringBuilder name = new StringBuilder(methodName.length() + 8);
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0
                        && (Character.isLowerCase(methodName.charAt(i - 1))
                                || Character.isDigit(methodName.charAt(i - 1)));
                boolean startsWord = i > 0
                        && i + 1 < methodName.length()
                        && Character.isUpperCase(methodName.charAt(i - 1))
                        && Character.isLowerCase(methodName.charAt(i + 1));
                if (afterLowerOrDigit || startsWord) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
