package org.pipelineaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/**
 * The rules reading the tables in row-id slices on several partitions (audit.rules.partitions, tiny
 * audit.rules.slice-rows so that every slice boundary is crossed) against one partition reading one
 * slice: sample-data plus activities that break the data-quality rules give byte-identical findings.
 */
class PartitionedRulesTests {

    @TempDir
    static Path work;
    static CliRun serial;
    static CliRun partitioned;
    static CliRun partitionedAgain;

    @BeforeAll
    static void auditThreeTimes() throws Exception {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, in.resolve(f.getFileName().toString()));
            }
        }
        Fixtures.csv(in.resolve("odd-activities.csv"), "跟进记录编号,商机编号,客户名称,跟进时间,跟进方式,跟进人,跟进内容",
                "X-FUTURE,SJ20260001,,2026-12-15,电话,张伟,dated after D",
                "X-EARLY,SJ20260001,,2020-01-01,电话,张伟,before the opportunity",
                "X-ORPHAN,NO-SUCH-OPPORTUNITY,,2026-11-20,邮件,李娜,points nowhere",
                "X-CUSTOMER,,杭州绿源,2026-11-25,拜访,王强,customer only");
        String[] common = {"audit", "--input", in.toString(), "--as-of", "2026-11-30", "--mapping", in.resolve("hubspot-mapping.yml").toString()};
        serial = CliRun.run(work.resolve("serial"), with(common, "--audit.rules.partitions=1", "--audit.rules.slice-rows=100000000"));
        partitioned = CliRun.run(work.resolve("partitioned"), with(common, "--audit.rules.partitions=3", "--audit.rules.slice-rows=7"));
        // the same folder again: the dataset's rows are replaced, so the row ids have a gap before them
        partitionedAgain = CliRun.run(work.resolve("partitioned"), with(common, "--audit.rules.partitions=3", "--audit.rules.slice-rows=7"));
    }

    static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    @Test
    void findingsAreByteIdenticalToTheSerialRun() throws Exception {
        for (CliRun run : new CliRun[] {serial, partitioned, partitionedAgain}) {
            assertThat(run.exitCode).as(run.stderr).isZero();
        }
        String expected = Files.readString(serial.outDir.resolve("findings.csv"));
        assertThat(Files.readString(partitioned.outDir.resolve("findings.csv"))).isEqualTo(expected);
        assertThat(Files.readString(partitionedAgain.outDir.resolve("findings.csv"))).isEqualTo(expected);
    }

    @Test
    void theComparisonCoversEveryPassOfTheRules() throws Exception {
        var rules = serial.csv("findings.csv").stream().map(r -> r.get("rule_id")).distinct().toList();
        assertThat(rules).contains("DQ-ACTIVITY-DATE", "DQ-ORPHAN-ACTIVITY", "FUP-GAP", "FUP-FIRST-CONTACT", "PIT-AFTERSALE", "FBK-LATE");
        assertThat(serial.csv("findings.csv")).filteredOn(r -> r.get("rule_id").startsWith("DQ-ACTIVITY"))
                .extracting(r -> r.get("entity_id")).contains("X-FUTURE", "X-EARLY");
        assertThat(serial.csv("findings.csv")).filteredOn(r -> r.get("rule_id").equals("DQ-ORPHAN-ACTIVITY"))
                .extracting(r -> r.get("entity_id")).contains("X-ORPHAN");
        // the sample holds far more rows than one 7-row slice
        assertThat((Long) partitioned.single("SELECT COUNT(*) FROM activity")).isGreaterThan(100L);
    }
}
