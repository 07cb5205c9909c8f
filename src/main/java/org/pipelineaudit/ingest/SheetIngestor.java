package org.pipelineaudit.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.ingest.DataIssue.Action;
import org.pipelineaudit.model.FieldSpec;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordSchema;

/**
 * Turns the rows of each sheet into records: finds the header row, detects the kind, reads every
 * cell of every later row, rejects rows whose required fields are missing or unreadable and
 * drops unreadable optional values, reporting each with file, sheet, row and column.
 */
public final class SheetIngestor implements SheetRowHandler {

    private final String fileName;
    private final HeaderRowLocator headerLocator;
    private final KindDetector kindDetector;
    private final ValueReader values;
    private final RecordSink sink;
    private final List<SheetSummary> summaries = new ArrayList<>();
    private final Runnable onRow;

    private String sheet;
    private final List<List<CellValue>> bufferedRows = new ArrayList<>();
    private int rowsSeen;
    private int headerRowNumber;
    private List<String> headers;
    private KindDetector.Detection detection;
    private FieldSpec[] mappedFields; // detection's fields and their columns, looked up once per sheet
    private int[] mappedColumns;
    private boolean done;
    private int rowsRead, rowsLoaded, rowsRejected;
    private boolean secondHeaderChecked;

    public SheetIngestor(String fileName, AliasCatalog aliases, ValueReader values, RecordSink sink, Runnable onRow) {
        this.fileName = fileName;
        this.headerLocator = new HeaderRowLocator(aliases);
        this.kindDetector = new KindDetector(aliases);
        this.values = values;
        this.sink = sink;
        this.onRow = onRow;
    }

    public List<SheetSummary> summaries() {
        return summaries;
    }

    @Override
    public void startSheet(String sheetName) {
        sheet = sheetName;
        bufferedRows.clear();
        rowsSeen = 0;
        headers = null;
        detection = null;
        done = false;
        rowsRead = rowsLoaded = rowsRejected = 0;
        secondHeaderChecked = false;
    }

    @Override
    public void row(int rowNumber, List<CellValue> cells) {
        if (done) {
            if (!isBlank(cells)) {
                rowsRead++;
            }
            return;
        }
        if (headers == null) {
            rowsSeen++;
            if (headerLocator.isHeaderRow(cells)) {
                headerRowNumber = rowNumber;
                headers = cells.stream().map(CellValue::text).toList();
                detection = kindDetector.detect(headers);
                if (detection.kind() == null) {
                    done = true;
                } else {
                    RecordSchema schema = RecordSchema.of(detection.kind());
                    mappedFields = new FieldSpec[detection.columns().size()];
                    mappedColumns = new int[mappedFields.length];
                    int f = 0;
                    for (var entry : detection.columns().entrySet()) {
                        mappedFields[f] = schema.field(entry.getKey()).orElseThrow();
                        mappedColumns[f++] = entry.getValue();
                    }
                }
            } else if (!isBlank(cells)) {
                bufferedRows.add(List.copyOf(cells)); // readers reuse the list
            }
            if (headers == null && rowsSeen >= HeaderRowLocator.SEARCH_ROWS) {
                done = true;
            }
            return;
        }
        if (isBlank(cells)) {
            return;
        }
        if (!secondHeaderChecked) {
            secondHeaderChecked = true;
            // Templates often repeat the header in a second language (中文 + English keys) right below it.
            if (rowNumber == headerRowNumber + 1 && headerLocator.isHeaderRow(cells)) {
                return;
            }
        }
        rowsRead++;
        onRow.run();
        readRecord(rowNumber, cells);
    }

    @Override
    public void endSheet() {
        if (headers == null) {
            List<String> seen = bufferedRows.isEmpty() ? List.of() : nonBlank(bufferedRows.get(0));
            String note = rowsSeen == 0 ? "empty sheet" : "no header row in the first 10 rows (no row has 2 or more known column names)";
            summaries.add(new SheetSummary(sheet, null, rowsRead + bufferedRows.size(), 0, 0, seen, null, List.of(), note));
        } else if (detection.kind() == null) {
            summaries.add(new SheetSummary(sheet, null, rowsRead, 0, 0, nonBlank(headers), detection.closestKind(),
                    detection.missing(), "matches no kind; closest " + detection.closestKind()
                            + " lacks " + String.join(", ", detection.missing())));
        } else {
            summaries.add(new SheetSummary(sheet, detection.kind(), rowsRead, rowsLoaded, rowsRejected,
                    nonBlank(headers), detection.kind(), List.of(), null));
        }
    }

    private void readRecord(int rowNumber, List<CellValue> cells) {
        Kind kind = detection.kind();
        RecordSchema schema = RecordSchema.of(kind);
        Map<String, Object> record = new LinkedHashMap<>();
        List<DataIssue> ignored = new ArrayList<>();
        DataIssue rejection = null;
        for (int f = 0; f < mappedFields.length; f++) {
            FieldSpec field = mappedFields[f];
            int column = mappedColumns[f];
            CellValue cell = column < cells.size() ? cells.get(column) : CellValue.EMPTY;
            ValueReader.Result result = values.read(field, cell);
            if (result.problem() != null) {
                if (field.required()) {
                    if (rejection == null) {
                        rejection = issue(rowNumber, headers.get(column), cell.text(), result.problem(), Action.ROW_REJECTED);
                    }
                } else {
                    ignored.add(issue(rowNumber, headers.get(column), cell.text(), result.problem(), Action.VALUE_IGNORED));
                }
            } else if (result.value() != null) {
                record.put(field.name(), result.value());
            }
        }
        Object outcome = record.remove("outcome");
        if (outcome != null) {
            record.put("stage", outcome); // a won/lost outcome column is the truth about a closed deal
        }
        if (rejection == null) {
            rejection = missingRequired(schema, record, rowNumber);
        }
        if (rejection != null) {
            rowsRejected++;
            sink.issue(rejection);
            ignored.forEach(sink::issue);
            return;
        }
        ignored.forEach(sink::issue);
        rowsLoaded++;
        sink.record(kind, sheet, rowNumber, record);
    }

    private DataIssue missingRequired(RecordSchema schema, Map<String, Object> record, int rowNumber) {
        for (String field : schema.requiredFields()) {
            if (!record.containsKey(field)) {
                return issue(rowNumber, headerOf(field), "", "required " + field + " is empty", Action.ROW_REJECTED);
            }
        }
        if (schema.kind() == Kind.ACTIVITY && !record.containsKey("opportunity_id") && !record.containsKey("customer")) {
            String column = detection.columns().containsKey("opportunity_id") ? headerOf("opportunity_id") : headerOf("customer");
            return issue(rowNumber, column, "", "an activity needs an opportunity id or a customer; both are empty", Action.ROW_REJECTED);
        }
        return null;
    }

    private String headerOf(String field) {
        Integer column = detection.columns().get(field);
        return column == null ? field : headers.get(column);
    }

    private DataIssue issue(int row, String column, String value, String reason, Action action) {
        return new DataIssue(fileName, sheet, row, column, value, reason, action);
    }

    private static boolean isBlank(List<CellValue> cells) {
        for (CellValue c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> nonBlank(List<?> cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) {
            String text = c instanceof CellValue v ? v.text() : String.valueOf(c);
            if (!text.isBlank()) {
                out.add(text.strip());
            }
        }
        return out;
    }

}
