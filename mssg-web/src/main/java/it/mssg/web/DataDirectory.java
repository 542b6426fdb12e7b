package it.mssg.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder that holds everything mssg keeps on this machine ({@code mssg.data-dir}). Its subfolders are
 * created when this bean starts; the datasource depends on it (see {@link DataDirectoryConfig}) so the H2
 * file database always finds its folder.
 */
@Component(DataDirectory.BEAN_NAME)
public class DataDirectory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DataDirectory.class);

    static final String BEAN_NAME = "mssgDataDirectory";
    private static final String[] SUBFOLDERS = {"db", "backups", "logs"};

    private final Path root;

    public DataDirectory(@Value("${mssg.data-dir}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            ownerOnly(this.root);
            for (String sub : SUBFOLDERS) {
                Files.createDirectories(this.root.resolve(sub));
                ownerOnly(this.root.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + this.root
                    + " (set mssg.data-dir or MSSG_DATA_DIR to a writable folder)", e);
        }
    }

    /**
     * The database, its backups and the logs hold every contact and message: other accounts of the machine may not even
     * list them (the files inside are made with the usual umask; the folder is what keeps them private). Also applied
     * to a folder made by an earlier version.
     */
    private static void ownerOnly(Path folder) {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to change (a folder someone else owns, a mount that ignores modes): mssg still works
            log.warn("Could not make {} readable by its owner only: {}", folder, e.toString());
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }
}
