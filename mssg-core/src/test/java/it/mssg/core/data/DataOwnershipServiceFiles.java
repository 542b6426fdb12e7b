package it.mssg.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a folder tree in tests (the "wipe" of backup → wipe → restore). */
final class DataOwnershipServiceFiles {

    private DataOwnershipServiceFiles() {
    }

    static void removeTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
