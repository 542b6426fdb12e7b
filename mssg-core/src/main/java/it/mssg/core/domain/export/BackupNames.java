package it.mssg.core.domain.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of backup files ({@code mssg-backup-20261129T193000Z.zip}) and which ones to drop so that only
 * the newest N stay. Files that do not follow the pattern are never touched.
 */
public final class BackupNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("mssg-backup-(\\d{8}T\\d{6}Z)\\.zip");

    private BackupNames() {
    }

    public static String nameFor(Instant at) {
        return "mssg-backup-" + STAMP.format(at) + ".zip";
    }

    /** The time a backup name stands for, or empty for any other file name. */
    public static Optional<Instant> timeOf(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(Instant.from(STAMP.parse(m.group(1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The backup names beyond the newest {@code keep}, oldest last; others' files are ignored. */
    public static List<String> toDrop(List<String> fileNames, int keep) {
        List<String> ours = new ArrayList<>(fileNames.stream().filter(n -> timeOf(n).isPresent()).toList());
        ours.sort(Comparator.comparing((String n) -> timeOf(n).orElseThrow()).reversed());
        return ours.size() <= Math.max(keep, 1) ? List.of() : List.copyOf(ours.subList(Math.max(keep, 1), ours.size()));
    }
}
