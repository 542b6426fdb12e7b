package it.mssg.bridge.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The scripts added to every page: our shim, and the pinned wa-js bundle packed into the jar at build time
 * (never fetched at run time).
 */
public final class PageScripts {

    public static final String WA_JS_VERSION = "4.6.0";

    private PageScripts() {
    }

    public static String shim() {
        return read("mssg-shim.js");
    }

    public static String waJsBundle() {
        return read("wppconnect-wa.js");
    }

    private static String read(String name) {
        try (InputStream in = PageScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar; the build packs it into it/mssg/bridge/page/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
