package org.ova.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the jar at build time. */
final class Version {

    private Version() {}

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/ova/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
