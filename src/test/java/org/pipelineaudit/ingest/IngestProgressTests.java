package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress of files parsed side by side is one whole line per file; a single file's line is rewritten in place. */
class IngestProgressTests {

    @Test
    void filesParsedSideBySideEachGetOneLineWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IngestProgress progress = IngestProgress.whenDone(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        for (String file : new String[] {"a.xlsx", "b.csv"}) {
            progress.startFile(file);
            for (int i = 0; i < 5_000; i++) {
                progress.row();
            }
            progress.endFile(5_000);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines().toList()).hasSize(2).allMatch(l -> l.contains("5,000 rows"));
        assertThat(out.lines().toList().get(0)).startsWith("  a.xlsx: ");
        assertThat(out.lines().toList().get(1)).startsWith("  b.csv: ");
    }

    @Test
    void aSingleFileRewritesItsLineAndEndsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IngestProgress progress = new IngestProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.startFile("a.xlsx");
        progress.endFile(12);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r  a.xlsx: 12 rows").endsWith("\n");
    }

    @Test
    void silentWhenNotOnAConsole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IngestProgress progress = IngestProgress.whenDone(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.startFile("a.xlsx");
        progress.endFile(12);
        assertThat(bytes.size()).isZero();
    }
}
