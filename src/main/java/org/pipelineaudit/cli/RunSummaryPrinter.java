package org.pipelineaudit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.store.RunStore;

/** The short summary a command prints: per file and sheet the kind and row counts, then the totals and the outputs. */
final class RunSummaryPrinter {

    private final PrintStream out;

    RunSummaryPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String runId, AuditOptions options, List<RunStore.InputRow> inputs, Map<String, Integer> counts,
               Map<String, Integer> findingsByRule, Path outDir) {
        out.printf("pipeline-audit %s  run %s  as of %s%n", options.command(), runId, options.asOf());
        String lastFile = null;
        for (RunStore.InputRow r : inputs) {
            if (!r.file().equals(lastFile)) {
                out.printf("  %s%s%n", r.file(), r.sheet() == null ? "  [" + r.status() + (r.error() == null ? "" : ": " + r.error()) + "]" : "");
                lastFile = r.file();
            }
            if (r.sheet() != null) {
                if ("LOADED".equals(r.status())) {
                    out.printf("    %-24s %-12s read %,d  loaded %,d  rejected %,d%n", r.sheet(), r.kind(), r.rowsRead(),
                            r.rowsLoaded(), r.rowsRejected());
                } else {
                    out.printf("    %-24s %-12s %s%n", r.sheet(), "(skipped)", r.error());
                }
            }
        }
        out.printf("  totals: %s%n", counts);
        if (findingsByRule != null) {
            int total = findingsByRule.values().stream().mapToInt(Integer::intValue).sum();
            out.printf("  findings: %,d%n", total);
            findingsByRule.forEach((rule, n) -> {
                if (n > 0) {
                    out.printf("    %-22s %,d%n", rule, n);
                }
            });
        }
        if (outDir != null) {
            out.printf("  outputs: %s%n", outDir);
        }
    }
}
