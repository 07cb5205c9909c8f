package org.pipelineaudit.model;

import static org.pipelineaudit.model.FieldSpec.inputOnly;
import static org.pipelineaudit.model.FieldSpec.opt;
import static org.pipelineaudit.model.FieldSpec.req;
import static org.pipelineaudit.model.FieldType.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of every kind (SPEC §2), their table, and the field that keys a record. */
public final class RecordSchema {

    private final Kind kind;
    private final String table;
    private final String keyColumn;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

    private RecordSchema(Kind kind, String table, String keyColumn, List<FieldSpec> specs) {
        this.kind = kind;
        this.table = table;
        this.keyColumn = keyColumn;
        specs.forEach(f -> fields.put(f.name(), f));
        this.storedFields = specs.stream().filter(FieldSpec::stored).toList();
        this.requiredFields = specs.stream().filter(FieldSpec::required).map(FieldSpec::name).toList();
    }

    private final List<FieldSpec> storedFields;
    private final List<String> requiredFields;

    private static final Map<Kind, RecordSchema> SCHEMAS = new EnumMap<>(Kind.class);

    static {
        SCHEMAS.put(Kind.OPPORTUNITY, new RecordSchema(Kind.OPPORTUNITY, "opportunity", "opportunity_id", List.of(
                req("opportunity_id", TEXT), opt("name", TEXT), opt("customer", TEXT), opt("owner", TEXT),
                opt("team", TEXT), opt("channel", TEXT), req("stage", STAGE), opt("priority", PRIORITY),
                opt("intent", INTENT), opt("budget_status", BUDGET_STATUS), opt("budget_amount", AMOUNT),
                opt("decision_date", DATE), opt("probability", PROBABILITY), opt("expected_amount", AMOUNT),
                opt("won_amount", AMOUNT), req("created_date", DATE), opt("first_contact_date", DATE),
                opt("last_activity_date", DATE), opt("next_followup_date", DATE), opt("close_date", DATE),
                inputOnly("outcome", OUTCOME))));
        SCHEMAS.put(Kind.ACTIVITY, new RecordSchema(Kind.ACTIVITY, "activity", "activity_key", List.of(
                opt("activity_id", TEXT), opt("opportunity_id", TEXT), opt("customer", TEXT),
                req("activity_date", DATE), opt("type", ACTIVITY_TYPE), opt("owner", TEXT), opt("notes", TEXT))));
        SCHEMAS.put(Kind.FEEDBACK, new RecordSchema(Kind.FEEDBACK, "feedback", "feedback_id", List.of(
                req("feedback_id", TEXT), opt("customer", TEXT), opt("opportunity_id", TEXT), opt("owner", TEXT),
                req("raised_date", DATE), opt("responded_date", DATE), opt("category", TEXT), opt("content", TEXT))));
        SCHEMAS.put(Kind.TARGET, new RecordSchema(Kind.TARGET, "sales_target", "target_key", List.of(
                req("owner", TEXT), req("period", PERIOD), req("target_amount", AMOUNT))));
        SCHEMAS.put(Kind.ROSTER, new RecordSchema(Kind.ROSTER, "rep", "owner", List.of(
                req("owner", TEXT), req("team", TEXT), opt("manager", TEXT), opt("manager_email", TEXT),
                opt("email", TEXT))));
    }

    public static RecordSchema of(Kind kind) {
        return SCHEMAS.get(kind);
    }

    public Kind kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    /** The stored key column; for ACTIVITY and TARGET it is derived (see {@link RecordKeys}). */
    public String keyColumn() {
        return keyColumn;
    }

    public Map<String, FieldSpec> fields() {
        return fields;
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public List<FieldSpec> storedFields() {
        return storedFields;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    /** Whether the mapped headers satisfy this kind's required fields (ACTIVITY also needs an opportunity or a customer). */
    public boolean isSatisfiedBy(java.util.Set<String> present) {
        if (!present.containsAll(requiredFields())) {
            return false;
        }
        return kind != Kind.ACTIVITY || present.contains("opportunity_id") || present.contains("customer");
    }

    /** Required fields (and, for ACTIVITY, the opportunity-or-customer pair) missing from the given headers. */
    public List<String> missingFrom(java.util.Set<String> present) {
        var missing = new java.util.ArrayList<>(requiredFields().stream().filter(f -> !present.contains(f)).toList());
        if (kind == Kind.ACTIVITY && !present.contains("opportunity_id") && !present.contains("customer")) {
            missing.add("opportunity_id|customer");
        }
        return missing;
    }
}
