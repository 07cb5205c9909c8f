package org.pipelineaudit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pipelineaudit.PipelineAuditApplication;

/**
 * Runs the real command line in-process against a temporary data and output folder, and reads what
 * it wrote: the exit code, stdout/stderr, summary.json, the CSV outputs and the H2 database file.
 */
public final class CliRun {

    public final int exitCode;
    public final String stdout;
    public final String stderr;
    public final Path outDir;
    public final Path dataDir;

    private CliRun(int exitCode, String stdout, String stderr, Path outDir, Path dataDir) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.outDir = outDir;
        this.dataDir = dataDir;
    }

    /** Runs {@code args} with --out and --data-dir under {@code work} (unless the args name their own). */
    public static CliRun run(Path work, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--out")) {
            all.addAll(List.of("--out", work.resolve("out").toString()));
        }
        if (!all.contains("--data-dir") && !all.contains("--db")) {
            all.addAll(List.of("--data-dir", work.resolve("data").toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PipelineAuditApplication.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String asOf = valueAfter(all, "--as-of");
        Path outDir = Path.of(valueAfter(all, "--out"));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                asOf == null ? outDir : outDir.resolve(asOf), work.resolve("data"));
    }

    private static String valueAfter(List<String> args, String option) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    public JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(outDir.resolve("summary.json").toFile());
    }

    /** The sheet entry of summary.json's inputs for a file and sheet. */
    public JsonNode input(String file, String sheet) throws IOException {
        for (JsonNode n : summary().get("inputs")) {
            if (n.get("file").asText().equals(file) && (sheet == null || sheet.equals(n.path("sheet").asText(null)))) {
                return n;
            }
        }
        throw new AssertionError("no input " + file + " / " + sheet + " in " + summary().get("inputs"));
    }

    public List<CSVRecord> csv(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(outDir.resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    public List<Map<String, Object>> query(String sql, Object... args) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pipeline-audit");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    public Object single(String sql, Object... args) throws SQLException {
        var rows = query(sql, args);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }
}
