package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.bench.BenchExportGenerator;
import org.pipelineaudit.support.CliRun;

/**
 * A workbook whose shared-strings table is larger than {@link SharedStringsStore#HEAP_LIMIT} is read
 * through the memory-mapped spill: every row loads with the strings it had, the last ones included.
 */
class SharedStringsSpillTests {

    @TempDir
    Path work;

    @Test
    void aLargeSharedStringsTableIsSpilledAndEveryStringComesBack() throws Exception {
        int rows = 60_000; // two distinct strings per row (id and name): 120,000 entries, past the heap limit
        Path in = work.resolve("in");
        var files = new BenchExportGenerator(LocalDate.of(2026, 11, 30)).write(in, rows, 0, "xlsx");
        Files.delete(files.activities());
        try (ZipFile zip = new ZipFile(files.opportunities().toFile())) {
            String sst = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), "UTF-8");
            assertThat(sst).contains("uniqueCount=\"");
            int unique = Integer.parseInt(sst.replaceAll("(?s).*uniqueCount=\"(\\d+)\".*", "$1"));
            assertThat(unique).isGreaterThan(SharedStringsStore.HEAP_LIMIT * 2);
        }

        CliRun run = CliRun.run(work, "ingest", "--input", in.toString(), "--as-of", "2026-11-30"); // no rules, no reports: the read is under test

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.single("SELECT COUNT(*) FROM opportunity")).isEqualTo((long) rows);
        for (int i : List.of(0, 24_999, 25_000, 49_999, 59_999)) {
            assertThat(run.single("SELECT name FROM opportunity WHERE opportunity_id = ?", "SJ" + (10_000_000 + i)))
                    .as("row %d", i).isEqualTo("商机-" + i);
            assertThat(run.single("SELECT customer FROM opportunity WHERE opportunity_id = ?", "SJ" + (10_000_000 + i)))
                    .isEqualTo("客户" + (i % 50_000) + "有限公司");
        }
    }
}
