package org.pipelineaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/** The workbook, the compliance PDF and the team packs of a real audit, opened as their readers open them. */
class ReportIntegrationTests {

    static final LocalDate D = LocalDate.of(2026, 11, 30);

    @TempDir
    static Path work;

    static CliRun run;

    @BeforeAll
    static void audit() throws Exception {
        Path in = work.resolve("in");
        Fixtures.csv(in.resolve("opportunities.csv"),
                "商机编号,客户名称,负责人,商机阶段,商机等级,赢率,创建时间,预计成交日期,下次跟进时间",
                "S1,上海恒通物流有限公司,张伟,需求确认,,30,2026-11-01,2026-12-31,2026-11-20",
                "S2,=HYPERLINK(\"http://x\"),\"=cmd|' /C calc'!A0\",需求确认,中,30,2026-11-01,2026-12-31,",
                "S3,@SUM(1+1),李娜,赢单,中,100,2026-10-01,2026-10-15,",
                "S4,杭州绿源,王强,商机识别,低,10,2026-11-29,2026-12-31,");
        Fixtures.csv(in.resolve("roster.csv"), "销售,团队,经理,经理邮箱", "张伟,华东大区,陈静,chen@example.com",
                "李娜,华东大区,陈静,chen@example.com", "王强,华北大区,郑华,zheng@example.com");
        run = CliRun.run(work, "audit", "--input", in.toString(), "--as-of", D.toString());
        assertThat(run.exitCode).as(run.stderr).isZero();
    }

    Path out(String name) {
        return run.outDir.resolve(name);
    }

    @Test
    void theWorkbookHasEverySheetWithHeadersChartsAndTypedCells() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(out("pipeline-audit-2026-11-30.xlsx").toFile())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("汇总", "漏斗", "问题清单", "销售", "团队与渠道", "目标", "数据问题", "趋势");
            XSSFSheet summary = wb.getSheet("汇总");
            XSSFDrawing drawing = summary.getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(3);
            assertThat(wb.getSheet("趋势").getDrawingPatriarch().getCharts()).hasSize(1);
            Sheet funnel = wb.getSheet("漏斗");
            assertThat(funnel.getRow(0).getCell(1).getStringCellValue()).isEqualTo("商机数量");
            assertThat(funnel.getRow(0).getCell(2).getStringCellValue()).contains("跟踪频率");
            assertThat(funnel.getRow(0).getCell(3).getStringCellValue()).contains("转化概率");
            assertThat(funnel.getRow(0).getCell(4).getStringCellValue()).contains("成交金额");
            assertThat(funnel.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC); // TRACKING count
            assertThat(funnel.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.0);
            Sheet findings = wb.getSheet("问题清单");
            assertThat(findings.getPaneInformation().isFreezePane()).isTrue();
            assertThat(findings.getRow(0).getCell(0).getStringCellValue()).isEqualTo("规则");
            assertThat(findings.getLastRowNum()).isEqualTo(run.csv("findings.csv").size());
        }
    }

    @Test
    void textThatWouldBeAFormulaIsWrittenAsTextWithALeadingQuote() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(out("pipeline-audit-2026-11-30.xlsx").toFile())) {
            Sheet findings = wb.getSheet("问题清单");
            List<String> owners = new ArrayList<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                var cell = findings.getRow(i).getCell(5);
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                owners.add(cell.getStringCellValue());
            }
            assertThat(owners).contains("'=cmd|' /C calc'!A0").doesNotContain("=cmd|' /C calc'!A0");
            Sheet reps = wb.getSheet("销售");
            List<String> repNames = new ArrayList<>();
            for (int i = 1; i <= reps.getLastRowNum(); i++) {
                repNames.add(reps.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(repNames).contains("'=cmd|' /C calc'!A0");
        }
        assertThat(run.csv("findings.csv")).extracting(r -> r.get("owner")).contains("'=cmd|' /C calc'!A0");
    }

    @Test
    void theCompliancePdfHasChineseTextEveryRuleAndPageFootersInAnEmbeddedCjkFont() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(out("compliance-2026-11-30.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("销售管道合规审计报告", "张伟", "华东大区", "opportunities.csv", "运行编号");
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true);
            byPosition.setEndPage(2);
            List<String> lines = byPosition.getText(pdf).lines().toList();
            for (var entry : run.summary().get("findings_by_rule").properties()) {
                // compliance by rule: "RULE-ID <what it checks> <settings> <checked> <failed> <rate>%"
                var row = java.util.regex.Pattern.compile("^" + entry.getKey() + " .* ([\\d,]+) ([\\d,]+) [\\d.]+%$");
                assertThat(lines).as(entry.getKey()).anySatisfy(line -> {
                    var m = row.matcher(line.strip());
                    assertThat(m.matches()).isTrue();
                    assertThat(m.group(2).replace(",", "")).isEqualTo(entry.getValue().asText());
                });
            }
            int pages = pdf.getNumberOfPages();
            assertThat(text).contains("第 1 页 / 共 " + pages + " 页").contains("第 " + pages + " 页 / 共 " + pages + " 页");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("WenQuanYiMicroHei") && f.endsWith("embedded"));
        }
    }

    @Test
    void everyTeamGetsAPackWithOnlyItsOwnData() throws Exception {
        Path east = out("managers/华东大区");
        Path north = out("managers/华北大区");
        assertThat(east.resolve("pipeline-audit-2026-11-30.xlsx")).exists();
        assertThat(north.resolve("summary-2026-11-30.pdf")).exists();
        try (XSSFWorkbook wb = new XSSFWorkbook(east.resolve("pipeline-audit-2026-11-30.xlsx").toFile())) {
            Sheet findings = wb.getSheet("问题清单");
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                assertThat(findings.getRow(i).getCell(4).getStringCellValue()).isEqualTo("华东大区");
            }
        }
        try (PDDocument pdf = Loader.loadPDF(north.resolve("summary-2026-11-30.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("华北大区").doesNotContain("张伟").doesNotContain("上海恒通");
            assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aTeamWithoutFindingsGetsAnAllClearPack() throws Exception {
        Path in = work.resolve("clean");
        Fixtures.csv(in.resolve("opportunities.csv"), "商机编号,负责人,商机阶段,商机等级,购买意愿,预算情况,赢率,预计成交金额,决策时间,商机来源,创建时间,最近跟进时间,预计成交日期",
                "C1,赵敏,需求确认,中,一般,充足,30,1000,2026-12-20,展会,2026-11-29,2026-11-29,2026-12-31");
        Fixtures.csv(in.resolve("roster.csv"), "销售,团队", "赵敏,华南大区");
        CliRun clean = CliRun.run(work.resolve("w2"), "audit", "--input", in.toString(), "--as-of", D.toString());
        assertThat(clean.csv("findings.csv")).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(clean.outDir.resolve("managers/华南大区/summary-2026-11-30.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("未发现问题");
        }
    }

    @Test
    void aSecondRunMarksEachFindingNewOrRecurringAndTheTrendShowsBothRuns() throws Exception {
        Path in = work.resolve("trend");
        Fixtures.csv(in.resolve("opportunities.csv"), "商机编号,负责人,商机阶段,赢率,创建时间,预计成交日期",
                "T1,张伟,需求确认,30,2026-11-01,2026-12-31");
        Path w = work.resolve("trend-work");
        CliRun first = CliRun.run(w, "audit", "--input", in.toString(), "--as-of", D.toString());
        Fixtures.csv(in.resolve("opportunities.csv"), "商机编号,负责人,商机阶段,赢率,创建时间,预计成交日期",
                "T1,张伟,需求确认,30,2026-11-01,2026-12-31", "T2,张伟,需求确认,30,2026-11-02,2026-12-31");
        CliRun second = CliRun.run(w, "audit", "--input", in.toString(), "--as-of", D.toString());
        assertThat(first.exitCode).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(second.outDir.resolve("pipeline-audit-2026-11-30.xlsx").toFile())) {
            Sheet findings = wb.getSheet("问题清单");
            List<String> marks = new ArrayList<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                var row = findings.getRow(i);
                if (row.getCell(0).getStringCellValue().equals("CLS-MISSING")) {
                    marks.add(row.getCell(3).getStringCellValue() + " " + row.getCell(9).getStringCellValue());
                }
            }
            assertThat(marks).containsExactly("T1 持续", "T2 新增");
            Sheet trend = wb.getSheet("趋势");
            assertThat(trend.getRow(0).getLastCellNum()).isEqualTo((short) 3); // rule column + two runs
        }
    }

    @Test
    void englishReportsWithLangEn() throws Exception {
        Path in = work.resolve("en");
        Fixtures.csv(in.resolve("opportunities.csv"), "opportunity_id,owner,stage,created_date", "E1,Ann,TRACKING,2026-11-01");
        CliRun en = CliRun.run(work.resolve("en-work"), "audit", "--input", in.toString(), "--as-of", D.toString(), "--lang", "en");
        assertThat(en.csv("findings.csv")).filteredOn(r -> r.get("rule_id").equals("CLS-MISSING"))
                .extracting(r -> r.get("message")).containsExactly("opportunity has no priority (class)");
        try (XSSFWorkbook wb = new XSSFWorkbook(en.outDir.resolve("pipeline-audit-2026-11-30.xlsx").toFile())) {
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            assertThat(wb.getSheetName(7)).isEqualTo("Trend");
        }
        try (PDDocument pdf = Loader.loadPDF(en.outDir.resolve("compliance-2026-11-30.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Sales pipeline compliance report").contains("Page 1 of");
        }
    }

    @Test
    void findingsBeyondOneSheetContinueOnTheNext() throws Exception {
        var service = run; // reuse the run's report data through the writer with a tiny sheet size
        AuditReport report = new AuditReport("r", D, "en", null, List.of(), java.util.Map.of(), "x", List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), java.util.Map.of(), consumer -> {
                    for (int i = 0; i < 25; i++) {
                        consumer.accept(new org.pipelineaudit.rules.Finding("CLS-MISSING", org.pipelineaudit.rules.Severity.WARN,
                                "OPPORTUNITY", "O" + i, "T", "o", null, null, "m"), false);
                    }
                });
        Path file = work.resolve("split.xlsx");
        new WorkbookWriter(10).write(file, report);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            assertThat(wb.getSheet("Findings").getLastRowNum()).isEqualTo(10);
            assertThat(wb.getSheet("Findings (2)").getLastRowNum()).isEqualTo(10);
            assertThat(wb.getSheet("Findings (3)").getLastRowNum()).isEqualTo(5);
            assertThat(wb.getSheet("Findings (3)").getRow(5).getCell(3).getStringCellValue()).isEqualTo("O24");
        }
        assertThat(service.exitCode).isZero();
        assertThat(Files.size(file)).isPositive();
        assertThat(new File(file.toString())).exists();
    }
}
