package it.mssg.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds everything mssg keeps on this machine ({@code mssg.data-dir}). Its subfolders are
 * created when this bean starts; the datasource depends on it (see {@link DataDirectoryConfig}) so the H2
 * file database always finds its folder.
 */
@Component(DataDirectory.BEAN_NAME)
public class DataDirectory {

    static final String BEAN_NAME = "mssgDataDirectory";
    private static final String[] SUBFOLDERS = {"db", "backups", "logs"};

    private final Path root;

    public DataDirectory(@Value("${mssg.data-dir}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            for (String sub : SUBFOLDERS) {
                Files.createDirectories(this.root.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + this.root
                    + " (set mssg.data-dir or MSSG_DATA_DIR to a writable folder)", e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }
}
