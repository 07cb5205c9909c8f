package org.pipelineaudit.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/**
 * Builds a small pipeline as CSV files a person can read (opportunities, activities, feedback, targets,
 * roster), runs the real audit on it as of D, and returns the findings.
 */
final class RuleScenario {

    static final LocalDate D = LocalDate.of(2026, 11, 30);
    static final List<String> OPP_FIELDS = List.of("opportunity_id", "customer", "owner", "team", "channel", "stage", "priority", "intent",
            "budget_status", "decision_date", "probability", "expected_amount", "won_amount", "created_date", "first_contact_date",
            "last_activity_date", "next_followup_date", "close_date");

    private final Path work;
    private final List<Map<String, Object>> opps = new ArrayList<>();
    private final List<String> activities = new ArrayList<>();
    private final List<String> feedback = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> roster = new ArrayList<>();
    private String rules;

    RuleScenario(Path work) {
        this.work = work;
    }

    /** An open, well-kept opportunity (classified, contacted the day it was created) to change field by field. */
    Opp opp(String id) {
        Opp o = new Opp(id);
        opps.add(o.values);
        return o;
    }

    final class Opp {
        final Map<String, Object> values = new LinkedHashMap<>();

        Opp(String id) {
            values.put("opportunity_id", id);
            values.put("customer", "客户-" + id);
            values.put("owner", "张伟");
            values.put("team", "T1");
            values.put("channel", "展会");
            values.put("stage", "TRACKING");
            values.put("priority", "MEDIUM");
            values.put("intent", "SOME");
            values.put("budget_status", "SUFFICIENT");
            values.put("decision_date", D.plusDays(30));
            values.put("probability", 30);
            values.put("expected_amount", 10000);
            values.put("created_date", D.minusDays(1));
            values.put("last_activity_date", D.minusDays(1));
            values.put("close_date", D.plusDays(60));
        }

        Opp set(String field, Object value) {
            values.put(field, value);
            return this;
        }

        Opp created(LocalDate d) {
            values.put("created_date", d);
            if (values.get("last_activity_date") instanceof LocalDate last && last.isBefore(d)) {
                values.put("last_activity_date", d);
            }
            return this;
        }

        Opp noContact() {
            values.remove("last_activity_date");
            return this;
        }

        Opp won(LocalDate close, Object amount) {
            values.put("stage", "WON");
            values.put("probability", 100);
            values.put("close_date", close);
            values.put("won_amount", amount);
            return this;
        }
    }

    RuleScenario activity(String id, String opportunityId, LocalDate date) {
        return activity(id, opportunityId, "", date, "张伟");
    }

    RuleScenario activity(String id, String opportunityId, String customer, LocalDate date, String owner) {
        activities.add(String.join(",", id, opportunityId, customer, date.toString(), "电话", owner));
        return this;
    }

    RuleScenario feedback(String id, String owner, LocalDate raised, LocalDate responded) {
        feedback.add(String.join(",", id, "客户", owner, raised.toString(), responded == null ? "" : responded.toString()));
        return this;
    }

    RuleScenario target(String owner, String period, Object amount) {
        targets.add(owner + "," + period + "," + amount);
        return this;
    }

    RuleScenario rep(String owner, String team) {
        roster.add(owner + "," + team);
        return this;
    }

    RuleScenario rules(String yaml) {
        this.rules = yaml;
        return this;
    }

    Path writeInputs() throws IOException {
        Path in = work.resolve("in");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", OPP_FIELDS));
        for (Map<String, Object> o : opps) {
            List<String> cells = new ArrayList<>();
            for (String f : OPP_FIELDS) {
                Object v = o.get(f);
                cells.add(v == null ? "" : v.toString());
            }
            lines.add(String.join(",", cells));
        }
        Fixtures.csv(in.resolve("opportunities.csv"), lines.toArray(String[]::new));
        if (!activities.isEmpty()) {
            activities.add(0, "activity_id,opportunity_id,customer,activity_date,type,owner");
            Fixtures.csv(in.resolve("activities.csv"), activities.toArray(String[]::new));
            activities.remove(0);
        }
        if (!feedback.isEmpty()) {
            feedback.add(0, "feedback_id,customer,owner,raised_date,responded_date");
            Fixtures.csv(in.resolve("feedback.csv"), feedback.toArray(String[]::new));
            feedback.remove(0);
        }
        if (!targets.isEmpty()) {
            targets.add(0, "owner,period,target_amount");
            Fixtures.csv(in.resolve("targets.csv"), targets.toArray(String[]::new));
            targets.remove(0);
        }
        if (!roster.isEmpty()) {
            roster.add(0, "owner,team");
            Fixtures.csv(in.resolve("roster.csv"), roster.toArray(String[]::new));
            roster.remove(0);
        }
        return in;
    }

    CliRun runAudit() throws IOException {
        Path in = writeInputs();
        List<String> args = new ArrayList<>(List.of("audit", "--input", in.toString(), "--as-of", D.toString()));
        if (rules != null) {
            Path file = work.resolve("rules.yml");
            Files.writeString(file, rules);
            args.addAll(List.of("--rules", file.toString()));
        }
        CliRun run = CliRun.run(work, args.toArray(String[]::new));
        if (run.exitCode != 0) {
            throw new AssertionError("audit failed: " + run.stderr);
        }
        return run;
    }

    /** Findings of one rule, as "entity_id metric" strings in file order. */
    List<String> findings(String ruleId) throws IOException {
        return findingRecords(ruleId).stream().map(r -> r.get("entity_id") + " " + r.get("metric")).map(String::strip).toList();
    }

    List<CSVRecord> findingRecords(String ruleId) throws IOException {
        return runAudit().csv("findings.csv").stream().filter(r -> r.get("rule_id").equals(ruleId)).toList();
    }
}
