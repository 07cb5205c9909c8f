package org.pipelineaudit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.ingest.AliasCatalog;
import org.pipelineaudit.ingest.FileIngestor;
import org.pipelineaudit.ingest.IngestService;
import org.pipelineaudit.ingest.RecordSink;
import org.pipelineaudit.report.AuditReport;
import org.pipelineaudit.report.PdfReportRenderer;
import org.pipelineaudit.report.ReportService;
import org.pipelineaudit.report.WorkbookWriter;
import org.pipelineaudit.rules.RuleEvaluator;
import org.pipelineaudit.rules.RuleSettings;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.RunStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code bench}: generates an export of the given size into a temporary folder, ingests it through the
 * real ingest job and evaluates the rules, printing per phase the wall time, rows/s and peak heap.
 */
@Component
public class BenchCommand {

    private static final String DATASET = "bench";

    private final AuditOptions options;
    private final IngestService ingest;
    private final RuleEvaluator evaluator;
    private final RuleSettings settings;
    private final RunStore runs;
    private final JdbcTemplate jdbc;
    private final ReportService reports;
    private final PdfReportRenderer pdf;
    private final AliasCatalog aliases;
    private final FindingStore findings;

    public BenchCommand(AuditOptions options, IngestService ingest, RuleEvaluator evaluator, RuleSettings settings, RunStore runs,
                        JdbcTemplate jdbc, ReportService reports, PdfReportRenderer pdf, AliasCatalog aliases, FindingStore findings) {
        this.aliases = aliases;
        this.findings = findings;
        this.reports = reports;
        this.pdf = pdf;
        this.options = options;
        this.ingest = ingest;
        this.evaluator = evaluator;
        this.settings = settings;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    public int run(PrintStream out) throws IOException {
        AuditOptions.Bench b = options.bench();
        if (b.rulesOnly()) {
            return rulesOnly(out);
        }
        Path dir = Files.createTempDirectory("pipeline-audit-bench-");
        out.printf("bench: %,d opportunities, %,d activities, %s; heap max %,d MB; %d cores%n", b.opportunities(), b.activities(),
                b.format(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try {
            long t0 = System.nanoTime();
            var files = new BenchExportGenerator(options.asOf()).write(dir, b.opportunities(), b.activities(), b.format());
            out.printf("  %-48s %8.1f s   (%,d + %,d bytes)%n", "generate", secs(t0), Files.size(files.opportunities()),
                    Files.size(files.activities()));
            ParseFloor.Floor floor = ParseFloor.of(files.opportunities());
            out.printf("  %-48s %8.1f s   (inflate %.1f s + bare StAX/char read %.1f s, no objects built)%n",
                    "floor for the opportunities file", floor.total(), floor.inflateSeconds(), floor.parseSeconds());
            resetPeak();
            phase(out, "parse only (reader + value parsing, no database)", b.opportunities(), () -> parseOnly(files.opportunities()));
            String runId = "bench-" + System.currentTimeMillis();
            runs.startRun(runId, "bench", DATASET, options.asOf());
            runs.deleteDataset(DATASET);
            resetPeak();
            long ingestStart = System.nanoTime();
            phase(out, "ingest opportunities", b.opportunities(), () -> ingest.ingest(runId, 1, files.opportunities(), DATASET, true));
            out.printf("  %-48s %8.1f ×%n", "ingest opportunities ÷ floor", secs(ingestStart) / Math.max(floor.total(), 1e-9));
            phase(out, "ingest activities", b.activities(), () -> ingest.ingest(runId, 2, files.activities(), DATASET, true));
            RuleEvaluator.Result result = rules(out, runId);
            runs.finishRun(runId, "COMPLETED");
            AuditReport report = reports.company(runId, DATASET, options.asOf(), options.lang());
            phase(out, "workbook (" + String.format("%,d", result.findings()) + " findings)", result.findings(),
                    () -> io(() -> new WorkbookWriter().write(dir.resolve("bench.xlsx"), report)));
            phase(out, "compliance PDF", result.findings(), () -> io(() -> pdf.renderCompliance(dir.resolve("bench.pdf"), report)));
            out.printf("  %-48s %,d + %,d bytes%n", "workbook + PDF size", Files.size(dir.resolve("bench.xlsx")), Files.size(dir.resolve("bench.pdf")));
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    /** Evaluates the rules on the bench dataset and prints each pass. */
    private RuleEvaluator.Result rules(PrintStream out, String runId) {
        long loaded = jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = ?", Long.class, DATASET);
        resetPeak();
        long t = System.nanoTime();
        RuleEvaluator.Result result = evaluator.evaluate(runId, DATASET, options.asOf(), options.lang(), settings);
        double total = secs(t);
        for (Map.Entry<String, Long> e : result.millisByPass().entrySet()) {
            out.printf("    rules: %-39s %8.1f s%n", e.getKey(), e.getValue() / 1000.0);
        }
        out.printf("  %-48s %8.1f s   %,12.0f opportunities/s   peak heap %,d MB   %,d findings%n", "rules (all)", total,
                loaded / Math.max(total, 1e-9), peakHeapMb(), result.findings());
        return result;
    }

    /** {@code --rules-only}: the rules again on what the last bench loaded (profiling them needs no new export). */
    private int rulesOnly(PrintStream out) {
        long opportunities = jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = ?", Long.class, DATASET);
        long activities = jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE dataset = ?", Long.class, DATASET);
        if (opportunities == 0) {
            out.println("bench --rules-only: no bench data in this database; run bench without --rules-only first");
            return 1;
        }
        out.printf("bench --rules-only: %,d opportunities, %,d activities already loaded; heap max %,d MB; %d cores%n", opportunities,
                activities, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        String runId = "bench-" + System.currentTimeMillis();
        runs.startRun(runId, "bench", DATASET, options.asOf());
        rules(out, runId);
        // the findings of a rules-only run are only timed: drop them so reruns do not pile up
        findings.deleteRun(runId);
        runs.finishRun(runId, "COMPLETED");
        return 0;
    }

    private void phase(PrintStream out, String name, long rows, Runnable work) {
        long t = System.nanoTime();
        work.run();
        double s = secs(t);
        out.printf("  %-48s %8.1f s   %,12.0f rows/s            peak heap %,d MB%n", name, s, rows / Math.max(s, 1e-9), peakHeapMb());
        resetPeak();
    }

    /** Reads the file through the real reader and value parsers, dropping the records: the parse share of ingest. */
    private void parseOnly(Path file) {
        try {
            new FileIngestor(aliases, options.zone()).ingest(file, file.getFileName().toString(), new RecordSink() {
                @Override
                public void record(org.pipelineaudit.model.Kind kind, String sheet, int row, Map<String, Object> values) {
                }

                @Override
                public void issue(org.pipelineaudit.ingest.DataIssue issue) {
                }
            }, () -> { });
        } catch (org.pipelineaudit.ingest.UnreadableFileException e) {
            throw new IllegalStateException(e);
        }
    }

    interface IoWork {
        void run() throws IOException;
    }

    private static void io(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Peak of the whole heap's used bytes, sampled every 20 ms (summing per-pool peaks would overstate it). */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeak() {
        System.gc();
        PEAK.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private static long peakHeapMb() {
        return PEAK.get() >> 20;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
