package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spools left by a process killed with -9 are deleted by the next partitioned ingest; live processes' spools are not. */
class SpoolFolderTests {

    @TempDir
    Path temp;

    @Test
    void theFolderOfAProcessThatHasEndedIsDeleted() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path left = Files.createDirectories(temp.resolve("pipeline-audit-spool-" + ended.pid()));
        Files.writeString(left.resolve("spool-1.bin"), "rows of a killed audit");

        assertThat(SpoolFolder.sweepDead(temp)).isEqualTo(1);
        assertThat(left).doesNotExist();
    }

    @Test
    void foldersOfLiveProcessesAndOtherFoldersStay() throws Exception {
        Path mine = SpoolFolder.of(temp);
        Files.writeString(mine.resolve("spool-1.bin"), "this process's rows");
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Path theirs = Files.createDirectories(temp.resolve("pipeline-audit-spool-" + running.pid()));
            Path unrelated = Files.createDirectories(temp.resolve("pipeline-audit-spool-notapid"));
            Path other = Files.createDirectories(temp.resolve("something-else"));

            assertThat(SpoolFolder.sweepDead(temp)).isZero();
            assertThat(mine.resolve("spool-1.bin")).exists();
            assertThat(theirs).exists();
            assertThat(unrelated).exists();
            assertThat(other).exists();
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void aSpoolIsWrittenInThisProcesssFolder() throws Exception {
        try (Spool spool = Spool.create()) {
            assertThat(spool.file().getParent().getFileName().toString())
                    .isEqualTo("pipeline-audit-spool-" + ProcessHandle.current().pid());
            Files.deleteIfExists(spool.file());
        }
    }
}
