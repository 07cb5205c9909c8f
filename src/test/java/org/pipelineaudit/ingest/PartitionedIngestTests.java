package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/**
 * The partitioned ingest (files parsed in parallel partitions, loaded in file order) against the serial one
 * (audit.ingest.partitions=1): sample-data plus two overlapping snapshots, a conflicting duplicate and a
 * broken file give byte-identical findings.csv and data-issues.csv and identical tables.
 */
class PartitionedIngestTests {

    @TempDir
    static Path work;
    static CliRun serial;
    static CliRun partitioned;

    @BeforeAll
    static void auditTwice() throws Exception {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, in.resolve(f.getFileName().toString()));
            }
        }
        String header = "商机编号,商机名称,客户名称,负责人,团队,商机阶段,商机等级,购买意愿,预算情况,创建时间,预计成交金额";
        Fixtures.csv(in.resolve("a-snapshot-1101.csv"), header,
                "PX-1,旧名称,甲公司,张三,华东大区,需求确认,高,强烈,充足,2026-10-01,100000",
                "PX-2,旧名称,乙公司,张三,华东大区,需求确认,中,一般,有限,2026-10-02,50000",
                "PX-3,旧名称,丙公司,李四,华南大区,方案报价,低,不明确,未知,2026-10-03,20000");
        Fixtures.csv(in.resolve("b-snapshot-1130.csv"), header,
                "PX-1,新名称,甲公司,王五,华北大区,赢单,高,强烈,充足,2026-10-01,120000",
                "PX-3,第一行,丙公司,李四,华南大区,方案报价,低,不明确,未知,2026-10-03,20000",
                "PX-3,第二行,丙公司,李四,华南大区,输单,低,不明确,未知,2026-10-03,20000",
                "PX-4,坏日期,丁公司,李四,华南大区,方案报价,低,不明确,未知,not-a-date,20000");
        Files.write(in.resolve("broken.xlsx"), "not a zip".getBytes());

        serial = CliRun.run(work.resolve("serial"), "audit", "--input", in.toString(), "--as-of", "2026-11-30",
                "--mapping", in.resolve("hubspot-mapping.yml").toString(), "--audit.ingest.partitions=1");
        partitioned = CliRun.run(work.resolve("partitioned"), "audit", "--input", in.toString(), "--as-of", "2026-11-30",
                "--mapping", in.resolve("hubspot-mapping.yml").toString(), "--audit.ingest.partitions=4");
    }

    @Test
    void theSerialRunDoesNotPartitionAndThePartitionedOneDoes() throws Exception {
        assertThat(serial.exitCode).as(serial.stderr).isZero();
        assertThat(partitioned.exitCode).as(partitioned.stderr).isZero();
        assertThat(serial.query("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'parseFile%'")).isEmpty();
        List<String> steps = partitioned.query("SELECT STEP_NAME AS n FROM BATCH_STEP_EXECUTION ORDER BY STEP_NAME").stream()
                .map(r -> String.valueOf(r.get("n"))).toList();
        long files;
        try (Stream<Path> listed = Files.list(work.resolve("in"))) {
            files = listed.filter(p -> InputFiles.formatOf(p) != null).count();
        }
        assertThat(steps).contains("parseFiles", "loadFiles");
        assertThat(steps.stream().filter(s -> s.startsWith("parseFile:"))).hasSize((int) files);
        assertThat(partitioned.single("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'parseFile:%' AND STATUS = 'FAILED'"))
                .isEqualTo(1L); // broken.xlsx
    }

    @Test
    void findingsAndDataIssuesAreByteIdentical() throws Exception {
        assertThat(Files.readString(partitioned.outDir.resolve("findings.csv")))
                .isEqualTo(Files.readString(serial.outDir.resolve("findings.csv")));
        assertThat(Files.readString(partitioned.outDir.resolve("data-issues.csv")))
                .isEqualTo(Files.readString(serial.outDir.resolve("data-issues.csv")));
        assertThat(serial.csv("findings.csv")).isNotEmpty();
        assertThat(serial.csv("data-issues.csv")).anySatisfy(r -> assertThat(r.get("file")).isEqualTo("b-snapshot-1130.csv"));
    }

    @Test
    void tablesAreIdenticalAndTheLaterSnapshotWins() throws Exception {
        for (String table : List.of("opportunity", "activity", "feedback", "sales_target", "rep", "duplicate_key")) {
            String sql = "SELECT * FROM " + table + " ORDER BY 2";
            assertThat(withoutLoadId(partitioned.query(sql))).as(table).isEqualTo(withoutLoadId(serial.query(sql)));
        }
        for (CliRun run : List.of(serial, partitioned)) {
            assertThat(run.single("SELECT owner FROM opportunity WHERE opportunity_id = 'PX-1'")).isEqualTo("王五");
            assertThat(run.single("SELECT name FROM opportunity WHERE opportunity_id = 'PX-2'")).isEqualTo("旧名称");
            assertThat(run.single("SELECT name FROM opportunity WHERE opportunity_id = 'PX-3'")).isEqualTo("第二行");
            assertThat(run.single("SELECT row_count FROM duplicate_key WHERE opportunity_id = 'PX-3'")).isEqualTo(2);
            assertThat(run.single("SELECT status FROM ingest_input WHERE file_name = 'broken.xlsx'")).isEqualTo("FAILED");
        }
    }

    private static List<Map<String, Object>> withoutLoadId(List<Map<String, Object>> rows) {
        rows.forEach(r -> {
            r.remove("LOAD_ID");
            r.remove("load_id");
        });
        return rows;
    }
}
