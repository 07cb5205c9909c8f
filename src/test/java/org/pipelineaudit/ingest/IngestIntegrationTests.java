package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelineaudit.support.Fixtures.sheet;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;
import org.pipelineaudit.support.Fixtures.Percent;

/** The ingest job on real files through the real command line, into a real H2 file database. */
class IngestIntegrationTests {

    static final String AS_OF = "2026-11-30";

    @TempDir
    Path work;

    Path inbox() {
        return work.resolve("in");
    }

    CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--input", inbox().toString(), "--as-of", AS_OF, "--zone", "Asia/Shanghai"));
        args.addAll(Arrays.asList(extra));
        return CliRun.run(work, args.toArray(String[]::new));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Nested
    class Workbooks {

        @Test
        void xlsxWithATitleRowTypedCellsAndTwoKindsOfSheet() throws Exception {
            Fixtures.xlsx(inbox().resolve("crm.xlsx"), Map.of(
                    "商机", List.of(
                            row("某公司商机导出 2026-11-30"),
                            row(),
                            row("商机编号", "客户名称", "负责人", "商机阶段", "赢率", "预计成交金额", "创建时间", "预计成交日期"),
                            row(10001, "上海恒通", "张伟", "需求确认", new Percent(0.35), 120000, LocalDate.of(2026, 11, 2), "2026/12/20"),
                            row("SJ-2", "杭州绿源", "李娜", "赢单", 100, "¥3.5万", LocalDateTime.of(2026, 10, 9, 18, 30), LocalDate.of(2026, 11, 20))),
                    "跟进记录", List.of(
                            row("跟进记录编号", "商机编号", "跟进时间", "跟进方式", "跟进人"),
                            row("GJ1", 10001, LocalDate.of(2026, 11, 3), "电话", "张伟"),
                            row("GJ2", "SJ-2", "2026年10月10日", "上门拜访", "李娜"))));

            CliRun run = audit();

            assertThat(run.exitCode).as(run.stderr).isZero();
            assertThat(run.input("crm.xlsx", "商机").get("kind").asText()).isEqualTo("OPPORTUNITY");
            assertThat(run.input("crm.xlsx", "商机").get("rows_loaded").asInt()).isEqualTo(2);
            assertThat(run.input("crm.xlsx", "跟进记录").get("kind").asText()).isEqualTo("ACTIVITY");
            var opp = run.query("SELECT * FROM opportunity WHERE opportunity_id = '10001'").get(0);
            assertThat(opp.get("stage")).isEqualTo("TRACKING");
            assertThat((BigDecimal) opp.get("probability")).isEqualByComparingTo("35");
            assertThat(opp.get("created_date").toString()).isEqualTo("2026-11-02");
            assertThat(opp.get("close_date").toString()).isEqualTo("2026-12-20");
            var won = run.query("SELECT * FROM opportunity WHERE opportunity_id = 'SJ-2'").get(0);
            assertThat((BigDecimal) won.get("expected_amount")).isEqualByComparingTo("35000");
            assertThat(won.get("created_date").toString()).isEqualTo("2026-10-09");
            assertThat(run.query("SELECT type FROM activity ORDER BY activity_id")).extracting(m -> m.get("type"))
                    .containsExactly("CALL", "VISIT");
            assertThat(run.csv("data-issues.csv")).isEmpty();
        }

        @Test
        void legacyXls() throws Exception {
            Fixtures.xls(inbox().resolve("old.xls"), sheet("Sheet1", List.of(
                    row("商机编号", "商机阶段", "创建日期", "赢率"),
                    row("A1", "识别", LocalDate.of(2026, 9, 1), new Percent(0.2)),
                    row("A2", "输单", "2026-9-2", 0))));

            CliRun run = audit();

            assertThat(run.input("old.xls", "Sheet1").get("rows_loaded").asInt()).isEqualTo(2);
            assertThat(run.single("SELECT created_date FROM opportunity WHERE opportunity_id = 'A1'").toString()).isEqualTo("2026-09-01");
            assertThat((BigDecimal) run.single("SELECT probability FROM opportunity WHERE opportunity_id = 'A1'")).isEqualByComparingTo("20");
        }

        @Test
        void the1904DateSystemIsHonoured() throws Exception {
            Path file = inbox().resolve("mac.xlsx");
            Files.createDirectories(inbox());
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
                var style = wb.createCellStyle();
                style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
                var s = wb.createSheet("deals");
                var h = s.createRow(0);
                h.createCell(0).setCellValue("opportunity_id");
                h.createCell(1).setCellValue("stage");
                h.createCell(2).setCellValue("created_date");
                var r = s.createRow(1);
                r.createCell(0).setCellValue("M1");
                r.createCell(1).setCellValue("TRACKING");
                var c = r.createCell(2);
                c.setCellValue(LocalDate.of(2026, 11, 2));
                c.setCellStyle(style);
                try (var out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }

            CliRun run = audit();

            assertThat(run.single("SELECT created_date FROM opportunity WHERE opportunity_id = 'M1'").toString()).isEqualTo("2026-11-02");
        }

        @Test
        void aSecondHeaderRowInEnglishUnderTheChineseOneIsNotData() throws Exception {
            Fixtures.xlsx(inbox().resolve("template.xlsx"), sheet("sheet-1", List.of(
                    row("商机编号", "商机名称", "阶段", "创建时间"),
                    row("opportunity_id", "name", "stage", "created_date"),
                    row("T1", "示例", "跟踪", "2026-11-01"))));

            CliRun run = audit();

            assertThat(run.input("template.xlsx", "sheet-1").get("rows_read").asInt()).isEqualTo(1);
            assertThat(run.csv("data-issues.csv")).isEmpty();
        }
    }

    @Nested
    class TextFiles {

        static final String[] FEEDBACK = {
                "反馈编号,客户名称,负责人,反馈时间,响应时间,反馈内容",
                "FK1,广州美佳日化有限公司,赵敏,2026/11/3,2026/11/4,希望增加移动端审批",
                "FK2,\"深圳迅捷电子, 有限公司\",孙浩,2026/11/5,,\"多行\r\n内容\""};

        void assertFeedbackLoaded(CliRun run, String file) throws Exception {
            assertThat(run.exitCode).as(run.stderr).isZero();
            assertThat(run.input(file, null).get("kind").asText()).isEqualTo("FEEDBACK");
            assertThat(run.input(file, null).get("rows_loaded").asInt()).isEqualTo(2);
            assertThat(run.single("SELECT customer FROM feedback WHERE feedback_id = 'FK1'")).isEqualTo("广州美佳日化有限公司");
            assertThat(run.single("SELECT customer FROM feedback WHERE feedback_id = 'FK2'")).isEqualTo("深圳迅捷电子, 有限公司");
            assertThat(run.single("SELECT content FROM feedback WHERE feedback_id = 'FK2'")).isEqualTo("多行\r\n内容");
        }

        @Test
        void utf8WithBom() throws Exception {
            Fixtures.csv(inbox().resolve("fb.csv"), StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, FEEDBACK);
            assertFeedbackLoaded(audit(), "fb.csv");
        }

        @Test
        void utf8WithoutBom() throws Exception {
            Fixtures.csv(inbox().resolve("fb.csv"), StandardCharsets.UTF_8, new byte[0], FEEDBACK);
            assertFeedbackLoaded(audit(), "fb.csv");
        }

        @Test
        void utf16LittleAndBigEndianWithBom() throws Exception {
            Fixtures.csv(inbox().resolve("le.csv"), StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, FEEDBACK);
            assertFeedbackLoaded(audit(), "le.csv");
            Files.delete(inbox().resolve("le.csv"));
            Fixtures.csv(inbox().resolve("be.csv"), StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, FEEDBACK);
            assertFeedbackLoaded(audit(), "be.csv");
        }

        @Test
        void gbkAsExcelOnChineseWindowsWritesIt() throws Exception {
            Fixtures.csv(inbox().resolve("fb.csv"), Charset.forName("GBK"), new byte[0], FEEDBACK);
            assertFeedbackLoaded(audit(), "fb.csv");
        }

        @Test
        void tabSeparatedAndSemicolonSeparated() throws Exception {
            Fixtures.csv(inbox().resolve("fb.tsv"), Arrays.stream(FEEDBACK).limit(2).map(l -> l.replace(',', '\t')).toArray(String[]::new));
            Fixtures.csv(inbox().resolve("targets.csv"), "销售;考核周期;目标金额", "张伟;2026-11;\"150,000\"", "张伟;2026年第4季度;45万");
            CliRun run = audit();
            assertThat(run.input("fb.tsv", null).get("rows_loaded").asInt()).isEqualTo(1);
            assertThat(run.query("SELECT period, target_amount FROM sales_target ORDER BY period"))
                    .extracting(m -> m.get("period") + "=" + ((BigDecimal) m.get("target_amount")).stripTrailingZeros().toPlainString())
                    .containsExactly("2026-11=150000", "2026-Q4=450000");
        }
    }

    @Nested
    class BadInput {

        @Test
        void rejectedRowsAndIgnoredValuesAreReportedWithFileSheetRowAndColumn() throws Exception {
            Fixtures.csv(inbox().resolve("opps.csv"),
                    "商机编号,商机阶段,创建时间,赢率,预计成交金额,商机等级",
                    "O1,跟踪,2026-11-01,abc,约50万,高",
                    ",跟踪,2026-11-01,10,100,中",
                    "O3,跟踪,2026-13-45,10,100,中",
                    "O4,神秘阶段,2026-11-01,10,100,中",
                    "O5,评估,2026-11-02,50,100,超高");

            CliRun run = audit();

            List<CSVRecord> issues = run.csv("data-issues.csv");
            assertThat(issues).extracting(r -> r.get("row") + " " + r.get("column") + " " + r.get("value") + " " + r.get("action"))
                    .containsExactly(
                            "2 赢率 abc VALUE_IGNORED",
                            "2 预计成交金额 约50万 VALUE_IGNORED",
                            "3 商机编号  ROW_REJECTED",
                            "4 创建时间 2026-13-45 ROW_REJECTED",
                            "5 商机阶段 神秘阶段 ROW_REJECTED",
                            "6 商机等级 超高 VALUE_IGNORED");
            assertThat(issues).allSatisfy(r -> {
                assertThat(r.get("file")).isEqualTo("opps.csv");
                assertThat(r.get("sheet")).isEqualTo("opps");
                assertThat(r.get("reason")).isNotBlank();
            });
            assertThat(run.query("SELECT opportunity_id FROM opportunity ORDER BY 1")).extracting(m -> m.get("opportunity_id"))
                    .containsExactly("O1", "O5");
            assertThat(run.single("SELECT probability FROM opportunity WHERE opportunity_id = 'O1'")).isNull();
            var o1 = run.input("opps.csv", null);
            assertThat(o1.get("rows_read").asInt()).isEqualTo(5);
            assertThat(o1.get("rows_loaded").asInt()).isEqualTo(2);
            assertThat(o1.get("rows_rejected").asInt()).isEqualTo(3);
        }

        @Test
        void anOverlongCellIsReportedAndTheRestOfTheFileLoads() throws Exception {
            String longName = "客".repeat(5000);
            Fixtures.csv(inbox().resolve("long.csv"), "商机编号,客户名称,商机阶段,创建时间", "L1," + longName + ",识别,2026-11-01",
                    "L2,正常客户\u0000,识别,2026-11-01", "x".repeat(600) + ",c,识别,2026-11-01");
            CliRun run = audit();
            assertThat(run.exitCode).isZero();
            assertThat(run.csv("data-issues.csv")).extracting(r -> r.get("row") + " " + r.get("column") + " " + r.get("action") + " " + r.get("reason"))
                    .containsExactly("2 客户名称 VALUE_IGNORED longer than 4000 characters (5000)",
                            "4 商机编号 ROW_REJECTED longer than 512 characters (600)");
            assertThat(run.query("SELECT opportunity_id, customer FROM opportunity ORDER BY 1")).extracting(m -> m.get("opportunity_id") + "=" + m.get("customer"))
                    .containsExactly("L1=null", "L2=正常客户");
        }

        @Test
        void anActivityWithNeitherOpportunityNorCustomerIsRejected() throws Exception {
            Fixtures.csv(inbox().resolve("acts.csv"), "跟进时间,商机编号,客户名称,跟进方式", "2026-11-01,,,电话", "2026-11-02,O1,,飞鸽传书");
            CliRun run = audit();
            assertThat(run.csv("data-issues.csv")).extracting(r -> r.get("row") + " " + r.get("action")).containsExactly("2 ROW_REJECTED");
            assertThat(run.single("SELECT type FROM activity")).isEqualTo("OTHER");
        }

        @Test
        void anUnrecognisedSheetIsReportedWithItsHeadersAndTheClosestKindsMissingFields() throws Exception {
            Fixtures.xlsx(inbox().resolve("mixed.xlsx"), Map.of(
                    "客户", List.of(row("客户名称", "负责人", "行业"), row("A公司", "张伟", "IT")),
                    "商机", List.of(row("商机编号", "商机阶段", "创建时间"), row("X1", "识别", "2026-11-01"))));

            CliRun run = audit();

            var sheet = run.input("mixed.xlsx", "客户");
            assertThat(sheet.get("status").asText()).isEqualTo("UNRECOGNIZED");
            assertThat(sheet.get("headers").toString()).contains("客户名称", "负责人", "行业");
            // closest: ACTIVITY (has a customer, lacks only activity_date)
            assertThat(sheet.get("missing").asText()).isEqualTo("ACTIVITY: activity_date");
            assertThat(run.input("mixed.xlsx", "商机").get("rows_loaded").asInt()).isEqualTo(1);
        }

        @Test
        void aFileThatCannotBeOpenedFailsAloneAndTheOthersLoad() throws Exception {
            Files.createDirectories(inbox());
            Files.write(inbox().resolve("broken.xlsx"), "%PDF-1.4 this is not a workbook".getBytes());
            Fixtures.csv(inbox().resolve("good.csv"), "商机编号,商机阶段,创建时间", "G1,识别,2026-11-01");
            Files.writeString(inbox().resolve("mapping.yml"), "headers: {}\n");
            Files.writeString(inbox().resolve("~$good.xlsx"), "lock");
            Files.writeString(inbox().resolve("download.csv.crdownload"), "partial");

            CliRun run = audit();

            assertThat(run.exitCode).isZero();
            var broken = run.input("broken.xlsx", null);
            assertThat(broken.get("status").asText()).isEqualTo("FAILED");
            assertThat(broken.get("error").asText()).contains("not an Excel workbook");
            assertThat(run.input("mapping.yml", null).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(run.summary().get("inputs").toString()).doesNotContain("~$good").doesNotContain("crdownload");
            assertThat(run.single("SELECT COUNT(*) FROM opportunity")).isEqualTo(1L);
        }

        @Test
        void whenNoInputCanBeReadTheExitCodeIsTwo() throws Exception {
            Files.createDirectories(inbox());
            Files.write(inbox().resolve("broken.xlsx"), new byte[] {1, 2, 3});
            CliRun run = audit();
            assertThat(run.exitCode).isEqualTo(2);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void ingestingTheSameFileTwiceChangesNothing() throws Exception {
            Fixtures.csv(inbox().resolve("opps.csv"), "商机编号,商机阶段,创建时间", "S1,识别,2026-11-01", "S2,跟踪,2026-11-02");
            CliRun first = CliRun.run(work, "ingest", "--input", inbox().toString(), "--as-of", AS_OF);
            CliRun second = CliRun.run(work, "ingest", "--input", inbox().toString(), "--as-of", AS_OF);

            assertThat(first.exitCode).as(first.stderr).isZero();
            assertThat(second.exitCode).isZero();
            assertThat(second.stdout).contains("DUPLICATE");
            assertThat(second.single("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'")).isEqualTo(2L);
            assertThat(second.single("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'ingestFileJob'")).isEqualTo(1L);
        }

        @Test
        void aLaterSnapshotReplacesEarlierVersionsOfTheSameKeys() throws Exception {
            Path older = Fixtures.csv(inbox().resolve("b-older.csv"), "商机编号,商机阶段,创建时间", "S1,识别,2026-11-01", "S2,识别,2026-11-01");
            Path newer = Fixtures.csv(inbox().resolve("a-newer.csv"), "商机编号,商机阶段,创建时间", "S1,赢单,2026-11-01");
            Fixtures.touch(older, Instant.parse("2026-11-01T00:00:00Z"));
            Fixtures.touch(newer, Instant.parse("2026-11-02T00:00:00Z"));

            CliRun run = audit();

            assertThat(run.single("SELECT stage FROM opportunity WHERE opportunity_id = 'S1'")).isEqualTo("WON");
            assertThat(run.single("SELECT stage FROM opportunity WHERE opportunity_id = 'S2'")).isEqualTo("IDENTIFIED");
        }

        @Test
        void identicalDuplicatesCountOnceAndConflictingOnesKeepTheLastRowAndAreRemembered() throws Exception {
            Fixtures.csv(inbox().resolve("dups.csv"), "商机编号,商机阶段,创建时间",
                    "D1,识别,2026-11-01", "D1,识别,2026-11-01",
                    "D2,识别,2026-11-01", "D2,评估,2026-11-01", "D2,跟踪,2026-11-01");

            CliRun run = audit();

            assertThat(run.single("SELECT COUNT(*) FROM opportunity")).isEqualTo(2L);
            assertThat(run.single("SELECT stage FROM opportunity WHERE opportunity_id = 'D2'")).isEqualTo("TRACKING");
            assertThat(run.query("SELECT opportunity_id, row_count FROM duplicate_key")).containsExactly(
                    Map.of("opportunity_id", "D2", "row_count", 3));
            assertThat(run.summary().get("counts").get("opportunities").asInt()).isEqualTo(2);
        }
    }

    @Nested
    class MappingFiles {

        @Test
        void headerAndValueAliasesAndDayFirst() throws Exception {
            Fixtures.csv(inbox().resolve("pipeline.csv"), "opportunity_id,sales_agent,deal_stage,engage_date,close_value",
                    "1C1I7A6R,Moses Frase,Engaging,03/11/2026,1054", "Z063OYW0,Darcel Schlecht,Won,25/10/2026,4514");
            Path mapping = work.resolve("mapping.yml");
            Files.writeString(mapping, """
                    headers:
                      owner: [sales_agent]
                      created_date: [engage_date]
                      stage: [deal_stage]
                      won_amount: close_value
                    values:
                      stage: {Engaging: TRACKING, Won: WON}
                    day_first: true
                    """);

            CliRun run = audit("--mapping", mapping.toString());

            assertThat(run.exitCode).as(run.stderr).isZero();
            var row = run.query("SELECT * FROM opportunity WHERE opportunity_id = '1C1I7A6R'").get(0);
            assertThat(row.get("owner")).isEqualTo("Moses Frase");
            assertThat(row.get("stage")).isEqualTo("TRACKING");
            assertThat(row.get("created_date").toString()).isEqualTo("2026-11-03");
        }

        @Test
        void anInvalidMappingFileIsAConfigurationErrorWithTheLine() throws Exception {
            Fixtures.csv(inbox().resolve("x.csv"), "商机编号,商机阶段,创建时间", "S1,识别,2026-11-01");
            Path mapping = work.resolve("bad.yml");
            Files.writeString(mapping, "headers:\n  owner: [rep]\nvalues:\n  stage: {Engaging: HALF_WON}\n");

            CliRun run = audit("--mapping", mapping.toString());

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.stderr).contains("bad.yml line 4").contains("HALF_WON");
            assertThat(run.stderr.lines().count()).isEqualTo(1);
        }

        @Test
        void anUnknownFieldInAMappingFileIsRejected() throws Exception {
            Fixtures.csv(inbox().resolve("x.csv"), "商机编号,商机阶段,创建时间", "S1,识别,2026-11-01");
            Path mapping = work.resolve("bad.yml");
            Files.writeString(mapping, "headers:\n  ownr: [rep]\n");
            CliRun run = audit("--mapping", mapping.toString());
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.stderr).contains("line 2").contains("ownr");
        }
    }

    @Nested
    class CommandLine {

        @Test
        void badOptionsExitOneWithAOneLineReason() {
            for (String[] args : List.of(new String[] {"audit", "--input", work.toString(), "--as-of", "30/11/2026"},
                    new String[] {"audit", "--input", work.resolve("nope").toString()},
                    new String[] {"audit", "--frobnicate", "1"},
                    new String[] {"launch"})) {
                CliRun run = CliRun.run(work, args);
                assertThat(run.exitCode).as(String.join(" ", args)).isEqualTo(1);
                assertThat(run.stderr.strip().lines().count()).isEqualTo(1);
            }
        }

        @Test
        void helpListsEveryOption() {
            CliRun run = CliRun.run(work, "--help");
            assertThat(run.exitCode).isZero();
            assertThat(run.stdout).contains("--as-of", "--out", "--data-dir", "--db", "--mapping", "--rules", "--inbox",
                    "--schedule", "--zone", "--lang");
        }
    }
}
