package org.pipelineaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.ingest.CellValue;
import org.pipelineaudit.ingest.SheetRowHandler;
import org.pipelineaudit.ingest.XlsxSheetReader;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.Severity;

/**
 * Past Excel's 1,048,576 rows a sheet: 1,100,000 findings written with the real sheet size land on
 * "Findings" and "Findings (2)", and reading the file back (streaming) finds every one exactly once.
 */
class LargeWorkbookTests {

    static final int FINDINGS = 1_100_000;

    @TempDir
    Path work;

    @Test
    void aWorkbookOfMoreFindingsThanOneSheetHoldsOpensWithEveryFinding() throws Exception {
        AuditReport report = new AuditReport("big", LocalDate.of(2026, 11, 30), "en", null, List.of(), Map.of(), "x", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), consumer -> {
                    for (int i = 0; i < FINDINGS; i++) {
                        consumer.accept(new Finding("FU-GAP", Severity.WARN, "OPPORTUNITY", "SJ" + i, "华东大区", "销售" + (i % 400),
                                null, null, "跟进间隔过长 " + i), i % 2 == 0);
                    }
                });
        Path file = work.resolve("big.xlsx");
        new WorkbookWriter().write(file, report);

        Map<String, int[]> rowsBySheet = new LinkedHashMap<>();
        BitSet seen = new BitSet(FINDINGS);
        List<String> repeated = new ArrayList<>();
        new XlsxSheetReader().read(file, new SheetRowHandler() {
            String sheet;

            @Override
            public void startSheet(String sheetName) {
                sheet = sheetName;
                rowsBySheet.put(sheetName, new int[1]);
            }

            @Override
            public void row(int rowNumber, List<CellValue> cells) {
                rowsBySheet.get(sheet)[0]++;
                if (sheet.startsWith("Findings") && rowNumber > 1) {
                    int id = Integer.parseInt(cells.get(3).text().substring(2));
                    if (seen.get(id)) {
                        repeated.add(cells.get(3).text());
                    }
                    seen.set(id);
                }
            }

            @Override
            public void endSheet() {
            }
        });

        assertThat(rowsBySheet).containsKeys("Summary", "Findings", "Findings (2)", "Trend");
        assertThat(rowsBySheet.get("Findings")[0]).isEqualTo(1_048_576); // header + 1,048,575: Excel's limit
        assertThat(rowsBySheet.get("Findings (2)")[0]).isEqualTo(1 + FINDINGS - 1_048_575);
        assertThat(repeated).isEmpty();
        assertThat(seen.cardinality()).isEqualTo(FINDINGS);
    }
}
