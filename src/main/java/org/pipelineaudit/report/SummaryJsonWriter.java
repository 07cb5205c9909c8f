package org.pipelineaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.store.RunStore;

/** summary.json (SPEC §6): as_of, run_id, inputs, counts, findings_by_rule, settings. */
public final class SummaryJsonWriter {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file, LocalDate asOf, String runId, List<RunStore.InputRow> inputs, Map<String, Integer> counts,
                      Map<String, Integer> findingsByRule, Object settings) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("as_of", asOf.toString());
        root.put("run_id", runId);
        root.put("inputs", inputs(inputs));
        root.put("counts", counts);
        root.put("findings_by_rule", findingsByRule);
        root.put("settings", settings);
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), root);
    }

    private static List<Map<String, Object>> inputs(List<RunStore.InputRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunStore.InputRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("sha256", r.sha256());
            m.put("status", r.status());
            if (r.sheet() != null || "LOADED".equals(r.status()) || "UNRECOGNIZED".equals(r.status())) {
                m.put("sheet", r.sheet());
                m.put("kind", r.kind());
                m.put("rows_read", r.rowsRead());
                m.put("rows_loaded", r.rowsLoaded());
                m.put("rows_rejected", r.rowsRejected());
            }
            if ("UNRECOGNIZED".equals(r.status())) {
                m.put("headers", r.headers() == null || r.headers().isEmpty() ? List.of() : List.of(r.headers().split(" \\| ")));
                m.put("missing", r.missing());
                m.put("reason", r.error());
            } else if (r.error() != null) {
                m.put("error", r.error());
            }
            out.add(m);
        }
        return out;
    }
}
