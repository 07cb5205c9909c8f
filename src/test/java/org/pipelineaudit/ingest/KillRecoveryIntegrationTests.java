package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.PipelineAuditApplication;
import org.pipelineaudit.support.CliRun;

/**
 * kill -9 of the real jar (a child process) in the middle of ingesting a large file, then a restart: the
 * file ends up loaded exactly once, and the H2 database the dead process held opens again. Run by failsafe
 * in `mvn verify`, after the jar is packaged.
 */
class KillRecoveryIntegrationTests {

    @TempDir
    Path work;

    @Test
    void aProcessKilledMidIngestLeavesNothingHalfLoadedAndTheRestartLoadsEveryRowOnce() throws Exception {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        StringBuilder csv = new StringBuilder("商机编号,商机阶段,创建时间,客户名称\n");
        int rows = 400_000;
        for (int i = 0; i < rows; i++) {
            csv.append("K").append(i).append(",识别,2026-11-01,客户").append(i % 1000).append('\n');
        }
        Files.writeString(in.resolve("big.csv"), csv);
        Path data = work.resolve("data");
        Path out = work.resolve("out");

        // the real jar (failsafe runs this after `package`); from an IDE without it, the same main class
        Path jar = Path.of("target", "pipeline-audit.jar");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PipelineAuditApplication.class.getName()));
        }
        command.addAll(List.of("ingest", "--input", in.toString(), "--data-dir", data.toString(), "--out", out.toString(), "--as-of", "2026-11-30"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("child.out").toFile()).start();
        Path log = out.resolve("2026-11-30").resolve("run.log");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !(Files.exists(log) && Files.readString(log).contains("ingestFileJob"))) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // well inside the read of 400,000 rows
        assertThat(child.isAlive()).as("the child was still ingesting when killed").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the process itself
        child.waitFor();

        CliRun restart = CliRun.run(work, "ingest", "--input", in.toString(), "--as-of", "2026-11-30",
                "--audit.ingest.stale-after-minutes=0");

        assertThat(restart.exitCode).as(restart.stderr).isZero();
        assertThat(restart.stdout).contains("big.csv").doesNotContain("DUPLICATE");
        assertThat(restart.single("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'")).isEqualTo((long) rows);
        assertThat(restart.single("SELECT COUNT(DISTINCT opportunity_id) FROM opportunity WHERE dataset = 'inbox'")).isEqualTo((long) rows);
        List<String> statuses = restart.query("SELECT e.STATUS AS s FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ingestFileJob' ORDER BY e.JOB_EXECUTION_ID")
                .stream().map(r -> String.valueOf(r.get("s"))).toList();
        assertThat(statuses).containsExactly("FAILED", "COMPLETED"); // the dead one recovered, then the restart
        assertThat(new File(work.resolve("child.out").toString())).exists();
    }
}
