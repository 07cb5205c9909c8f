package org.pipelineaudit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pipelineaudit.model.Stage;

/**
 * One opportunity as the rules see it: its stored values, its resolved team, and the dates of its
 * activities dated on or before D (identical duplicates already merged by key at ingest).
 */
public record OpportunityFacts(Map<String, Object> values, String team, List<LocalDate> activityDates, Integer duplicateRows) {

    public String id() {
        return text("opportunity_id");
    }

    public String owner() {
        return text("owner");
    }

    public String customer() {
        return text("customer");
    }

    public String channel() {
        return text("channel");
    }

    public Stage stage() {
        return Stage.valueOf(text("stage"));
    }

    public boolean isOpen() {
        return stage().isOpen();
    }

    public String text(String field) {
        Object v = values.get(field);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    public LocalDate date(String field) {
        Object v = values.get(field);
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) v;
    }

    public BigDecimal number(String field) {
        Object v = values.get(field);
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    public boolean has(String field) {
        Object v = values.get(field);
        return v != null && !v.toString().isBlank();
    }

    public LocalDate created() {
        return date("created_date");
    }

    /** C(o): activity dates in [created, D], plus first_contact_date and last_activity_date when in that range. */
    public TreeSet<LocalDate> contactDates(LocalDate asOf) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        LocalDate created = created();
        for (LocalDate d : activityDates) {
            if (!d.isBefore(created) && !d.isAfter(asOf)) {
                dates.add(d);
            }
        }
        for (String field : List.of("first_contact_date", "last_activity_date")) {
            LocalDate d = date(field);
            if (d != null && !d.isBefore(created) && !d.isAfter(asOf)) {
                dates.add(d);
            }
        }
        return dates;
    }
}
