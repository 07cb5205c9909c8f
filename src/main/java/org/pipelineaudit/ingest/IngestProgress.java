package org.pipelineaudit.ingest;

import java.io.PrintStream;

/** Shows per-file progress (rows read, rate, elapsed) on a terminal; silent when output is not a console. */
public class IngestProgress {

    private final PrintStream out;
    private final boolean enabled;
    private final boolean whileReading;
    private String file;
    private long started;
    private long rows;
    private long lastPrint;

    public IngestProgress(PrintStream out, boolean enabled) {
        this(out, enabled, true);
    }

    private IngestProgress(PrintStream out, boolean enabled, boolean whileReading) {
        this.out = out;
        this.enabled = enabled;
        this.whileReading = whileReading;
    }

    public static IngestProgress forConsole() {
        return new IngestProgress(System.err, System.console() != null);
    }

    /**
     * One line when a file is done, none while it is read: for files parsed side by side, whose
     * rewritten progress lines would overwrite each other.
     */
    static IngestProgress whenDone(PrintStream out, boolean enabled) {
        return new IngestProgress(out, enabled, false);
    }

    public void startFile(String name) {
        file = name;
        started = System.nanoTime();
        lastPrint = started;
        rows = 0;
    }

    public void row() {
        rows++;
        if (enabled && whileReading && (rows & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastPrint > 1_000_000_000L) {
                lastPrint = now;
                print(now, false);
            }
        }
    }

    public void endFile(long read) {
        rows = read;
        if (enabled) {
            print(System.nanoTime(), true);
        }
    }

    private void print(long now, boolean last) {
        double seconds = Math.max((now - started) / 1e9, 1e-9);
        out.printf("%s  %s: %,d rows, %,.0f rows/s, %.1f s%s", whileReading ? "\r" : "", file, rows, rows / seconds, seconds,
                last ? "\n" : "");
        out.flush();
    }
}
