package dev.mcpauth.it.broken;

import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** An application-scoped tool bean with only a constructor that takes parameters: CDI cannot proxy it. */
@ApplicationScoped
public class ConstructorInjectionOnlyTools {

    private final BeanManager beanManager;

    @Inject
    public ConstructorInjectionOnlyTools(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Tool
    public String beans() {
        return String.valueOf(beanManager != null);
    }
}
