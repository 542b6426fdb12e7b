package it.mssg.bridge.application;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the browser of one profile holds in memory, read from /proc for the benchmark figures.
 *
 * <p>The sum of PSS divides every shared page among all processes that map it, including other Chromium
 * instances of the same executable on the machine: the same browser reads 360 MB while someone else's browser
 * test runs and 475 MB alone. {@link #uniqueKb} counts each physical page of the profile's processes once,
 * whoever else maps it, so figures taken on a busy machine compare with figures taken on a quiet one.
 *
 * @param processes the browser process of the profile and all its descendants
 */
record ChromiumMemory(List<ProcessHandle> processes) {

    private static final Pattern VMA = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");
    private static final long PRESENT = 1L << 63;
    private static final long PFN_MASK = (1L << 55) - 1;

    static ChromiumMemory of(Path profile) {
        String marker = "--user-data-dir=" + profile;
        return new ChromiumMemory(ProcessHandle.allProcesses()
                .filter(p -> cmdline(p).contains(marker) && !cmdline(p).contains("--type="))
                .flatMap(main -> Stream.concat(Stream.of(main), main.descendants()))
                .toList());
    }

    /** Sum of the proportional set size of the processes (else their resident size). */
    long pssKb() {
        return processes.stream().mapToLong(p -> statusKb(p, "smaps_rollup", "Pss:", "status", "VmRSS:")).sum();
    }

    /**
     * Physical pages mapped by any of the processes, each counted once (from /proc/pid/pagemap), or -1 when the
     * page frame numbers cannot be read: the kernel shows them to root (CAP_SYS_ADMIN) only.
     */
    long uniqueKb() {
        Set<Long> frames = new HashSet<>();
        ByteBuffer entries = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        for (ProcessHandle p : processes) {
            Path proc = Path.of("/proc", Long.toString(p.pid()));
            try (FileChannel pagemap = FileChannel.open(proc.resolve("pagemap"))) {
                long start = 0;
                long end = 0;
                for (String line : Files.readAllLines(proc.resolve("smaps"))) {
                    Matcher vma = VMA.matcher(line);
                    if (vma.find()) {
                        start = Long.parseUnsignedLong(vma.group(1), 16);
                        end = Long.parseUnsignedLong(vma.group(2), 16);
                    } else if (line.startsWith("Rss:") && !line.matches("Rss:\\s+0 kB")) {
                        // one 8-byte entry per 4 KiB page; read only areas with something resident
                        for (long at = start / 4096 * 8, stop = end / 4096 * 8; at < stop; at += entries.capacity()) {
                            entries.clear().limit((int) Math.min(entries.capacity(), stop - at));
                            while (entries.hasRemaining() && pagemap.read(entries, at + entries.position()) > 0) {
                                // a short read continues where it stopped
                            }
                            entries.flip();
                            while (entries.remaining() >= 8) {
                                long entry = entries.getLong();
                                if ((entry & PRESENT) != 0) {
                                    frames.add(entry & PFN_MASK);
                                }
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        boolean framesHidden = frames.size() <= 1; // without the privilege every present page reads as frame 0
        return framesHidden ? -1 : frames.size() * 4L;
    }

    /** PSS by process type, e.g. {renderer×2=187, gpu-process×1=33, …} in MB. */
    String byType() {
        Map<String, List<ProcessHandle>> types = processes.stream().collect(Collectors.groupingBy(ChromiumMemory::type, TreeMap::new, Collectors.toList()));
        return types.entrySet().stream()
                .map(t -> t.getKey() + "×" + t.getValue().size() + "=" + t.getValue().stream()
                        .mapToLong(p -> statusKb(p, "smaps_rollup", "Pss:", "status", "VmRSS:")).sum() / 1024)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Processes of other Chromium instances on the machine (they share pages with these, lowering their PSS). */
    long othersOnTheMachine() {
        return ProcessHandle.allProcesses()
                .filter(p -> !processes.contains(p))
                .filter(p -> cmdline(p).contains("chromium") && cmdline(p).contains("--type="))
                .count();
    }

    private static String type(ProcessHandle p) {
        Matcher type = Pattern.compile("--type=(\\S+)").matcher(cmdline(p));
        if (!type.find()) {
            return "browser";
        }
        Matcher utility = Pattern.compile("--utility-sub-type=(\\w+)").matcher(cmdline(p));
        return utility.find() ? type.group(1) + ":" + utility.group(1) : type.group(1);
    }

    static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long statusKb(ProcessHandle p, String... fileAndField) {
        for (int i = 0; i < fileAndField.length; i += 2) {
            try {
                Matcher m = Pattern.compile(Pattern.quote(fileAndField[i + 1]) + "\\s+(\\d+) kB")
                        .matcher(Files.readString(Path.of("/proc", Long.toString(p.pid()), fileAndField[i])));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            } catch (IOException e) {
                // try the next source
            }
        }
        return 0;
    }
}
