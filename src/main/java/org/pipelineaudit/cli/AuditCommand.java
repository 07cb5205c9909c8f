package org.pipelineaudit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pipelineaudit.audit.AuditService;
import org.pipelineaudit.ingest.InputFiles;
import org.pipelineaudit.ingest.IngestService;
import org.pipelineaudit.store.RunStore;
import org.springframework.stereotype.Component;

/**
 * {@code audit} and {@code ingest}: read every file of a folder into the database, then (audit) write
 * the outputs. A one-shot audit works on its own dataset, replaced at each audit, so it shows exactly
 * what the folder holds; {@code ingest} adds to the inbox dataset that nightly runs audit.
 */
@Component
public class AuditCommand {

    public static final String AUDIT_DATASET = "audit";
    public static final String INBOX_DATASET = "inbox";

    private final IngestService ingest;
    private final RunStore runs;
    private final AuditOptions options;
    private final AuditService audits;

    public AuditCommand(IngestService ingest, RunStore runs, AuditOptions options, AuditService audits) {
        this.ingest = ingest;
        this.runs = runs;
        this.options = options;
        this.audits = audits;
    }

    public int run(PrintStream out) throws IOException {
        boolean audit = options.command().equals("audit");
        String dataset = audit ? AUDIT_DATASET : INBOX_DATASET;
        String runId = AuditService.newRunId();
        runs.startRun(runId, options.command(), dataset, options.asOf());
        if (audit) {
            runs.deleteDataset(dataset);
        }
        InputFiles.Listing listing = new InputFiles().list(options.input());
        List<IngestService.FileOutcome> outcomes = ingest.ingestAll(runId, listing.inputs().stream().map(InputFiles.Input::path).toList(),
                dataset, audit);
        int seq = outcomes.size();
        for (Path skipped : listing.skipped()) {
            ingest.recordSkipped(runId, ++seq, skipped, "not a spreadsheet (.xlsx, .xlsm, .xls, .csv, .tsv): skipped");
        }
        boolean anyRead = outcomes.stream().anyMatch(o -> o.loaded() || o.status().equals("DUPLICATE"));
        if (audit) {
            AuditService.Outputs written = audits.evaluateAndWrite(runId, dataset, options.asOf(), options.lang(), options.runOutDir(), anyRead);
            new RunSummaryPrinter(out).print(runId, options, written.inputs(), written.counts(), written.findingsByRule(), written.outDir());
        } else {
            runs.finishRun(runId, anyRead ? "COMPLETED" : "NO_INPUT");
            new RunSummaryPrinter(out).print(runId, options, runs.inputs(runId), runs.counts(dataset), null, null);
        }
        return anyRead ? 0 : 2;
    }
}
