package org.pipelineaudit.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where this process keeps its spools: {@code pipeline-audit-spool-<pid>} in the temp folder. A process
 * killed with -9 cannot delete its spools; the next partitioned ingest on the machine deletes the
 * folders of processes that are no longer alive (a live one, even another audit, is never touched).
 */
final class SpoolFolder {

    private static final Pattern NAME = Pattern.compile("pipeline-audit-spool-(\\d+)");

    private SpoolFolder() {
    }

    /** This process's folder under {@code temp}, created if needed. */
    static Path of(Path temp) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("pipeline-audit-spool-" + ProcessHandle.current().pid()));
        folder.toFile().deleteOnExit(); // after the spools registered later (deleted in reverse order), once empty
        return folder;
    }

    static Path current() throws IOException {
        return of(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Deletes the spool folders under {@code temp} whose process has ended; returns how many. */
    static int sweepDead(Path temp) {
        int swept = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, "pipeline-audit-spool-*")) {
            for (Path folder : folders) {
                Matcher m = NAME.matcher(folder.getFileName().toString());
                if (m.matches() && Files.isDirectory(folder) && !alive(Long.parseLong(m.group(1)))) {
                    deleteTree(folder);
                    swept++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed or deleted stays: sweeping is housekeeping, never a reason to fail
        }
        return swept;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
