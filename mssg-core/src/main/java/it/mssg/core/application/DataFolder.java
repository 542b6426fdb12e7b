package it.mssg.core.application;

import java.nio.file.Path;

/** The data folder ({@code mssg.data-dir}) as core needs it; the names are the ones DESIGN.md lists. */
record DataFolder(Path root) {

    static final String DB = "db";
    static final String BROWSER = "browser";
    static final String ACCESS_TOKEN = "access-token";
    static final String BACKUPS = "backups";
    static final String LOGS = "logs";

    static DataFolder of(String dataDir) {
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("mssg.data-dir is not set");
        }
        return new DataFolder(Path.of(dataDir).toAbsolutePath().normalize());
    }

    Path backups() {
        return root.resolve(BACKUPS);
    }
}
