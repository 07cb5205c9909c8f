package org.pipelineaudit.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pipelineaudit.ingest.InputFiles;

/**
 * The inbox folder (SPEC §7): files are taken only once their size and modification time have not
 * changed for a while (a half-copied file is never read); taken files move to archive/&lt;date&gt;/, failed
 * ones to failed/ beside a &lt;name&gt;.error.txt. Nothing is ever written outside this folder.
 */
public final class InboxFolder {

    private final Path root;

    public InboxFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Files that have been stable for {@code stable}, oldest first. Files still changing are watched up to
     * {@code maxWait} (nightly waits for a copy in progress rather than skip it); any still changing then
     * are left for the next time.
     */
    public List<Path> claimStable(Duration stable, Duration maxWait) throws IOException, InterruptedException {
        Files.createDirectories(root);
        Map<Path, long[]> seen = new HashMap<>(); // size, mtime, stable since (nanos)
        long start = System.nanoTime();
        while (true) {
            List<Path> candidates = candidates();
            long now = System.nanoTime();
            List<Path> ready = new ArrayList<>();
            boolean waiting = false;
            for (Path p : candidates) {
                long size;
                long mtime;
                try {
                    size = Files.size(p);
                    mtime = Files.getLastModifiedTime(p).toMillis();
                } catch (IOException gone) {
                    continue; // removed meanwhile
                }
                long[] s = seen.get(p);
                if (s == null || s[0] != size || s[1] != mtime) {
                    seen.put(p, new long[] {size, mtime, now});
                    waiting = true;
                } else if (now - s[2] >= stable.toNanos()) {
                    ready.add(p);
                } else {
                    waiting = true;
                }
            }
            if (!waiting || now - start >= maxWait.toNanos()) {
                ready.sort(Comparator.comparing(InboxFolder::modified).thenComparing(p -> p.getFileName().toString()));
                return ready;
            }
            Thread.sleep(Math.min(500, Math.max(50, stable.toMillis() / 4)));
        }
    }

    private List<Path> candidates() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !InputFiles.isIgnored(p)).toList();
        }
    }

    /** Moves a processed file to archive/&lt;date&gt;/ (a name already there gets a numbered suffix). */
    public Path archive(Path file, LocalDate date) throws IOException {
        return moveInto(file, root.resolve("archive").resolve(date.toString()));
    }

    /** Moves a file that could not be loaded to failed/, with &lt;name&gt;.error.txt saying why. */
    public Path fail(Path file, String reason) throws IOException {
        Path moved = moveInto(file, root.resolve("failed"));
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        return moved;
    }

    private Path moveInto(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        int n = 1;
        while (Files.exists(target)) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            target = dir.resolve(stem + " (" + n++ + ")" + ext);
        }
        if (!target.normalize().startsWith(root)) {
            throw new IOException("refusing to write outside the inbox: " + target);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
