package org.pipelineaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;

/**
 * The audit of sample-data as ./run.sh runs it, asserting the problems planted in it (sample-data/README.md
 * lists them) — each one a person can find by opening the files.
 */
class SampleDataIntegrationTests {

    @TempDir
    static Path work;

    static CliRun run;
    static List<CSVRecord> findings;

    @BeforeAll
    static void audit() throws Exception {
        run = CliRun.run(work, "audit", "--input", "sample-data", "--as-of", "2026-11-30", "--mapping", "sample-data/hubspot-mapping.yml");
        findings = run.csv("findings.csv");
    }

    static List<String> of(String rule) {
        return findings.stream().filter(r -> r.get("rule_id").equals(rule)).map(r -> r.get("entity_id")).toList();
    }

    @Test
    void everyFileIsReadWithItsKind() throws Exception {
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.input("星河智联-CRM导出-2026-11-30.xlsx", "商机").get("kind").asText()).isEqualTo("OPPORTUNITY");
        assertThat(run.input("星河智联-CRM导出-2026-11-30.xlsx", "跟进记录").get("kind").asText()).isEqualTo("ACTIVITY");
        assertThat(run.input("星河智联-CRM导出-2026-11-30.xlsx", "说明").get("status").asText()).isEqualTo("UNRECOGNIZED");
        assertThat(run.input("销售团队花名册.xlsx", null).get("kind").asText()).isEqualTo("ROSTER");
        assertThat(run.input("销售目标-2026.xlsx", null).get("kind").asText()).isEqualTo("TARGET");
        assertThat(run.input("客户需求反馈.csv", null).get("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(run.input("hubspot-deals-overseas.csv", null).get("rows_loaded").asInt()).isEqualTo(40);
        assertThat(run.input("hubspot-mapping.yml", null).get("status").asText()).isEqualTo("SKIPPED");
        // 320 CRM opportunities (the two duplicated ids count once, two rows rejected) + 40 from HubSpot
        assertThat(run.summary().get("counts").get("opportunities").asInt()).isEqualTo(360);
        assertThat(run.summary().get("counts").get("reps").asInt()).isEqualTo(12);
    }

    @Test
    void thePlantedBadRowsAreDataIssues() throws Exception {
        assertThat(run.csv("data-issues.csv")).extracting(r -> r.get("sheet") + " " + r.get("column") + " " + r.get("value") + " " + r.get("action"))
                .containsExactly("商机 商机编号  ROW_REJECTED", "商机 创建时间 2026-13-45 ROW_REJECTED", "商机 预计成交金额 约50万 VALUE_IGNORED");
    }

    @Test
    void thePlantedDataQualityProblemsAreFound() {
        assertThat(of("DQ-DUPLICATE")).containsExactly("SJ20260012");
        assertThat(of("DQ-CLOSE-BEFORE-CREATE")).containsExactly("SJ20260007");
        assertThat(of("DQ-ORPHAN-ACTIVITY")).containsExactly("GJ99001");
        assertThat(of("DQ-ACTIVITY-DATE")).containsExactly("GJ99002");
    }

    @Test
    void thePlantedPitfallsAreFound() {
        assertThat(of("PIT-CHANNEL")).containsExactly("华南大区");
        assertThat(findings).filteredOn(r -> r.get("rule_id").equals("PIT-CHANNEL")).first()
                .satisfies(r -> assertThat(r.get("message")).contains("线上广告"));
        assertThat(of("PIT-FEEDBACK")).contains("华北大区");
        assertThat(of("PIT-TARGET")).contains("王强|2026-11", "周婷|2026-11");
        assertThat(of("PIT-DATA")).contains("海外业务部"); // HubSpot deals carry no class, intent or budget
        assertThat(of("FUP-OVERCONTACT")).contains("SJ20260053", "SJ20260106");
        assertThat(of("PIT-AFTERSALE")).isNotEmpty();
        assertThat(of("HND-UNASSIGNED")).isNotEmpty();
    }

    @Test
    void everyTeamSummaryIsAtMostTwoPages() throws Exception {
        try (var teams = java.nio.file.Files.list(run.outDir.resolve("managers"))) {
            List<Path> dirs = teams.toList();
            assertThat(dirs).hasSizeGreaterThanOrEqualTo(4);
            for (Path dir : dirs) {
                try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("summary-2026-11-30.pdf").toFile())) {
                    assertThat(pdf.getNumberOfPages()).as(dir.getFileName().toString()).isBetween(1, 2);
                }
            }
        }
    }

    @Test
    void summaryCountsEveryRuleAndStatesTheSettings() throws Exception {
        var byRule = run.summary().get("findings_by_rule");
        assertThat(byRule.size()).isEqualTo(23);
        long total = 0;
        for (var n : byRule) {
            total += n.asLong();
        }
        assertThat(total).isEqualTo(findings.size());
        assertThat(run.summary().get("settings").get("PIT-CHANNEL").get("min_count").asInt()).isEqualTo(20);
    }
}
