package dev.mcpauth.it;

import com.nimbusds.jose.JWSObject;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.cdi.McpExtension;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds test WARs the way a user's WAR looks: their classes, a config file, and our jars in WEB-INF/lib. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * A WAR holding {@code classes}, the api and runtime jars, and {@code config} as its
     * {@code microprofile-config.properties}.
     */
    public static WebArchive war(String name, String config, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(library(Tool.class, "mcp-auth-api.jar"), library(McpExtension.class, "mcp-auth-runtime.jar"),
                        library(JWSObject.class, "nimbus-jose-jwt.jar"), library(JsonWebToken.class, "microprofile-jwt-auth-api.jar"));
    }

    /** The jar (or, in an IDE, the classes folder) a class was loaded from, as a library archive. */
    static Archive<?> library(Class<?> member, String name) {
        File location;
        try {
            location = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
    }
}
