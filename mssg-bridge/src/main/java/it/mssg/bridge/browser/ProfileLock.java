package it.mssg.bridge.browser;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chromium marks a profile in use with a {@code SingletonLock} symlink pointing to {@code <hostname>-<pid>}.
 * A lock held by a live process on this host means another browser has the profile open.
 */
public final class ProfileLock {

    static final String LOCK_FILE = "SingletonLock";

    private ProfileLock() {
    }

    /** @return the pid holding the profile, when a live process on this host holds it */
    public static Optional<Long> holder(Path profileDir) {
        Path lock = profileDir.resolve(LOCK_FILE);
        if (!Files.isSymbolicLink(lock)) {
            return Optional.empty();
        }
        try {
            String target = Files.readSymbolicLink(lock).toString();
            int dash = target.lastIndexOf('-');
            if (dash <= 0) {
                return Optional.empty();
            }
            String host = target.substring(0, dash);
            long pid = Long.parseLong(target.substring(dash + 1));
            if (!host.equals(hostname())) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The host name as Chromium writes it into the lock (the kernel's, not a DNS name). */
    public static String hostname() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
