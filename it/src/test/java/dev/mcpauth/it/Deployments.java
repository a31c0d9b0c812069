package dev.mcpauth.it;

import com.nimbusds.jose.JWSObject;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.cdi.McpExtension;
import java.io.File;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds test WARs the way a user's WAR looks: their classes, a config file, and our jars in WEB-INF/lib. */
public final class Deployments {

    private Deployments() {}

    /**
     * A WAR holding {@code classes}, the api and runtime jars, and {@code config} as its
     * {@code microprofile-config.properties}.
     */
    public static WebArchive war(String name, String config, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(libraries());
    }

    /**
     * What a WAR that depends on {@code mcp-auth-runtime} carries in {@code WEB-INF/lib}, as Maven packs it (the sample
     * WAR holds the same four): the api and runtime jars and the runtime's compile dependencies, each found by a class
     * it holds.
     */
    private static final Map<String, Class<?>> LIBRARIES = libraryMembers();

    private static Map<String, Class<?>> libraryMembers() {
        Map<String, Class<?>> members = new LinkedHashMap<>();
        members.put("mcp-auth-api.jar", Tool.class);
        members.put("mcp-auth-runtime.jar", McpExtension.class);
        members.put("nimbus-jose-jwt.jar", JWSObject.class);
        members.put("microprofile-jwt-auth-api.jar", JsonWebToken.class);
        return members;
    }

    /** The libraries of a user's WAR (see {@link #LIBRARIES}), as archives. */
    public static Archive<?>[] libraries() {
        return LIBRARIES.entrySet().stream()
                .map(library -> library(library.getValue(), library.getKey()))
                .toArray(Archive<?>[]::new);
    }

    /** The same libraries as files, for a compiler's class path. */
    public static List<File> libraryLocations() {
        return LIBRARIES.values().stream().map(Deployments::location).toList();
    }

    /** The jar (or, in an IDE, the classes folder) a class was loaded from. */
    public static File location(Class<?> member) {
        try {
            return new File(
                    member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar (or, in an IDE, the classes folder) a class was loaded from, as a library archive. */
    static Archive<?> library(Class<?> member, String name) {
        File location = location(member);
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name)
                    .importDirectory(location)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
    }
}
