package org.pipelineaudit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pipelineaudit.ingest.DataIssue;
import org.pipelineaudit.store.ReportQueries;

/**
 * The audit workbook (SPEC §6). Summary and Trend hold native charts, so they are built as regular
 * sheets first (they are small); every other sheet streams through SXSSF with a 200-row window, so
 * memory stays flat however many findings there are. Findings beyond one sheet's 1,048,575 rows
 * continue on "Findings (2)", "Findings (3)", …
 */
public final class WorkbookWriter {

    private static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getLastRowIndex(); // header + 1,048,575

    private final int maxDataRows;

    public WorkbookWriter() {
        this(MAX_DATA_ROWS);
    }

    /** @param maxDataRows rows per findings sheet before continuing on the next (tests use a small number) */
    public WorkbookWriter(int maxDataRows) {
        this.maxDataRows = maxDataRows;
    }

    private static final class Styles {
        CellStyle header, text, wrap, integer, decimal, percent, error, warn, info, title, kpi;
    }

    public void write(Path file, AuditReport r) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        XSSFWorkbook base = new XSSFWorkbook();
        Styles st = styles(base);
        XSSFSheet summary = base.createSheet(r.t("汇总", "Summary"));
        XSSFSheet trend = base.createSheet(r.t("趋势", "Trend"));
        writeSummary(summary, r, st);
        writeTrend(trend, r, st);
        // inline strings on the streamed sheets: a shared-strings table of millions of distinct messages would
        // live on the heap until the end (1,100,000 findings ran out of a 1 GB heap with it)
        SXSSFWorkbook wb = new SXSSFWorkbook(base, 200, true, false);
        try {
            writeFunnel(wb, r, st);
            writeFindings(wb, r, st);
            writeReps(wb, r, st);
            writeTeamsAndChannels(wb, r, st);
            writeTargets(wb, r, st);
            writeDataIssues(wb, r, st);
            wb.setSheetOrder(trend.getSheetName(), wb.getNumberOfSheets() - 1);
            for (Sheet sheet : wb) {
                printOnePageWide(sheet);
            }
            wb.setActiveSheet(0);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    // ---- sheets --------------------------------------------------------------------------------

    private void writeSummary(XSSFSheet s, AuditReport r, Styles st) {
        int row = 0;
        Row title = s.createRow(row++);
        text(title, 0, r.t("销售管道审计", "Sales pipeline audit") + (r.team() == null ? "" : " — " + r.team()), st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        row++;
        Map<String, Object> kpis = new LinkedHashMap<>();
        kpis.put(r.t("审计日期", "As of"), r.asOf().toString());
        kpis.put(r.t("运行编号", "Run id"), r.runId());
        long open = r.funnel().stream().filter(f -> !f.stage().equals("WON") && !f.stage().equals("LOST")).mapToLong(ReportQueries.StageRow::count).sum();
        long all = r.funnel().stream().mapToLong(ReportQueries.StageRow::count).sum();
        kpis.put(r.t("商机数", "Opportunities"), all);
        kpis.put(r.t("进行中商机", "Open opportunities"), open);
        r.funnel().stream().filter(f -> f.stage().equals("WON")).findFirst().ifPresent(w -> {
            kpis.put(r.t("赢单数", "Won"), w.count());
            kpis.put(r.t("成交金额", "Won amount"), w.amount());
        });
        kpis.put(r.t("发现问题总数", "Findings"), r.totalFindings());
        kpis.put(r.t("数据问题", "Data issues"), (long) r.dataIssues().size());
        for (var e : kpis.entrySet()) {
            Row kr = s.createRow(row++);
            text(kr, 0, e.getKey(), st.header);
            value(kr, 1, e.getValue(), st, e.getValue() instanceof BigDecimal ? st.decimal : st.kpi);
        }
        row++;
        int rulesHeader = row;
        header(s.createRow(row++), st, r.t("规则", "Rule"), r.t("说明", "What it checks"), r.t("问题数", "Findings"), r.t("严重度", "Severity"));
        int firstRule = row;
        for (AuditReport.RuleLine line : r.rules()) {
            Row rr = s.createRow(row++);
            text(rr, 0, line.ruleId(), st.text);
            text(rr, 1, line.title(), st.text);
            number(rr, 2, line.failed(), st.integer);
            text(rr, 3, line.enabled() ? line.severity() : r.t("已停用", "disabled"), st.text);
        }
        int lastRule = row - 1;
        row++;
        header(s.createRow(row++), st, r.t("阶段", "Stage"), r.t("商机数量", "Opportunities"));
        int firstStage = row;
        for (var f : r.funnel()) {
            Row fr = s.createRow(row++);
            text(fr, 0, stageLabel(f.stage(), r), st.text);
            number(fr, 1, f.count(), st.integer);
        }
        int lastStage = row - 1;
        row++;
        header(s.createRow(row++), st, r.t("渠道 (近90天)", "Channel (last 90 days)"), r.t("商机数量", "Opportunities"));
        int firstChannel = row;
        for (var c : r.channels()) {
            Row cr = s.createRow(row++);
            text(cr, 0, c.channel(), st.text);
            number(cr, 1, c.opportunities(), st.integer);
        }
        int lastChannel = row - 1;
        s.setColumnWidth(0, 24 * 256);
        s.setColumnWidth(1, 60 * 256);
        s.setColumnWidth(2, 12 * 256);
        s.setColumnWidth(3, 10 * 256);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        if (lastRule >= firstRule) {
            barChart(drawing, s, new XSSFClientAnchor(0, 0, 0, 0, 5, rulesHeader, 13, rulesHeader + 30), r.t("各规则问题数", "Findings by rule"),
                    firstRule, lastRule, 0, 2, BarDirection.BAR);
        }
        if (lastStage >= firstStage) {
            barChart(drawing, s, new XSSFClientAnchor(0, 0, 0, 0, 5, rulesHeader + 31, 9, rulesHeader + 47), r.t("销售漏斗", "Stage funnel"),
                    firstStage, lastStage, 0, 1, BarDirection.COL);
        }
        if (lastChannel >= firstChannel) {
            XSSFChart pie = drawing.createChart(new XSSFClientAnchor(0, 0, 0, 0, 9, rulesHeader + 31, 13, rulesHeader + 47));
            pie.setTitleText(r.t("渠道构成", "Channel mix"));
            pie.setTitleOverlay(false);
            pie.getOrAddLegend().setPosition(LegendPosition.RIGHT);
            XDDFChartData data = pie.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
            var series = (XDDFPieChartData.Series) data.addSeries(categories(s, firstChannel, lastChannel, 0),
                    numbers(s, firstChannel, lastChannel, 1));
            PresetColor[] palette = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE, PresetColor.SEA_GREEN, PresetColor.GOLDENROD,
                    PresetColor.INDIAN_RED, PresetColor.SLATE_BLUE, PresetColor.CADET_BLUE, PresetColor.OLIVE_DRAB};
            for (int i = 0; i <= lastChannel - firstChannel; i++) {
                series.getDataPoint(i).setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(palette[i % palette.length])));
            }
            pie.plot(data);
        }
    }

    private void writeTrend(XSSFSheet s, AuditReport r, Styles st) {
        List<String> runs = new ArrayList<>();
        Map<String, String> asOfByRun = new LinkedHashMap<>();
        TreeSet<String> rules = new TreeSet<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReportQueries.TrendPoint p : r.trend()) {
            if (!asOfByRun.containsKey(p.runId())) {
                runs.add(p.runId());
                asOfByRun.put(p.runId(), p.asOf().toString());
            }
            rules.add(p.ruleId());
            counts.put(p.runId() + "|" + p.ruleId(), p.count());
        }
        r.rules().forEach(l -> rules.add(l.ruleId()));
        Row h = s.createRow(0);
        text(h, 0, r.t("规则 \\ 审计日 (运行)", "Rule \\ as of (run)"), st.header);
        for (int i = 0; i < runs.size(); i++) {
            text(h, i + 1, asOfByRun.get(runs.get(i)) + "\n" + runs.get(i), st.header);
            s.setColumnWidth(i + 1, 22 * 256);
        }
        int row = 1;
        for (String rule : rules) {
            Row rr = s.createRow(row++);
            text(rr, 0, rule, st.text);
            for (int i = 0; i < runs.size(); i++) {
                number(rr, i + 1, counts.getOrDefault(runs.get(i) + "|" + rule, 0L), st.integer);
            }
        }
        s.setColumnWidth(0, 24 * 256);
        s.createFreezePane(1, 1);
        if (!runs.isEmpty()) {
            XSSFDrawing drawing = s.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(new XSSFClientAnchor(0, 0, 0, 0, 0, row + 1, Math.max(8, runs.size() + 2), row + 24));
            chart.setTitleText(r.t("近几次审计各规则问题数", "Findings per rule over the last runs"));
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
            var x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            var y = chart.createValueAxis(AxisPosition.LEFT);
            XDDFChartData data = chart.createData(ChartTypes.LINE, x, y);
            String[] cats = runs.stream().map(asOfByRun::get).toArray(String[]::new);
            var catSource = XDDFDataSourcesFactory.fromArray(cats, ref(s, 0, 0, 1, runs.size()));
            int rr = 1;
            for (String rule : rules) {
                Long[] values = new Long[runs.size()];
                for (int i = 0; i < runs.size(); i++) {
                    values[i] = counts.getOrDefault(runs.get(i) + "|" + rule, 0L);
                }
                var series = data.addSeries(catSource, XDDFDataSourcesFactory.fromArray(values, ref(s, rr, rr, 1, runs.size())));
                series.setTitle(rule, null);
                ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) series).setMarkerStyle(
                        org.apache.poi.xddf.usermodel.chart.MarkerStyle.CIRCLE);
                rr++;
            }
            chart.plot(data);
        }
    }

    private void writeFunnel(SXSSFWorkbook wb, AuditReport r, Styles st) {
        Sheet s = table(wb, r.t("漏斗", "Funnel"), st, new int[] {16, 12, 16, 16, 18, 18},
                r.t("阶段", "Stage"), r.t("商机数量", "Opportunities"), r.t("跟踪频率 (次/商机)", "Follow-ups per opportunity"),
                r.t("转化概率 (平均赢率 %)", "Mean probability %"), r.t("成交金额 (赢单=成交, 其余=预计)", "Amount (won, else expected)"),
                r.t("阶段转化率", "Stage-to-stage conversion"));
        Map<String, Long> reached = new LinkedHashMap<>();
        List<String> order = List.of("IDENTIFIED", "TRACKING", "EVALUATING", "WON");
        for (int i = 0; i < order.size(); i++) {
            long n = 0;
            for (var f : r.funnel()) {
                int idx = order.indexOf(f.stage());
                if (idx >= i) {
                    n += f.count();
                }
            }
            reached.put(order.get(i), n);
        }
        int row = 1;
        for (var f : r.funnel()) {
            Row fr = s.createRow(row++);
            text(fr, 0, stageLabel(f.stage(), r), st.text);
            number(fr, 1, f.count(), st.integer);
            value(fr, 2, f.activitiesPerOpportunity(), st, st.decimal);
            value(fr, 3, f.meanProbability(), st, st.decimal);
            value(fr, 4, f.amount(), st, st.decimal);
            int idx = order.indexOf(f.stage());
            if (idx >= 0 && idx < order.size() - 1 && reached.get(order.get(idx)) > 0) {
                double conv = (double) reached.get(order.get(idx + 1)) / reached.get(order.get(idx));
                Cell c = fr.createCell(5);
                c.setCellValue(conv);
                c.setCellStyle(st.percent);
            }
        }
        Row note = s.createRow(row + 1);
        text(note, 0, r.t("阶段转化率 = 到达下一阶段(含之后阶段)的商机数 ÷ 到达本阶段的商机数；输单不计入到达。",
                "Conversion = opportunities that reached the next stage (or later) ÷ those that reached this one; lost ones are not counted as reaching."), st.text);
    }

    private void writeFindings(SXSSFWorkbook wb, AuditReport r, Styles st) {
        String[] headers = {r.t("规则", "Rule"), r.t("严重度", "Severity"), r.t("对象类型", "Entity type"), r.t("对象", "Entity"),
                r.t("团队", "Team"), r.t("负责人", "Owner"), r.t("度量", "Metric"), r.t("阈值", "Threshold"), r.t("说明与证据", "Message and evidence"),
                r.t("与上次审计相比", "Since the previous run")};
        int[] widths = {22, 9, 13, 22, 14, 14, 10, 10, 90, 14};
        String base = r.t("问题清单", "Findings");
        Sheet[] sheet = {table(wb, base, st, widths, headers)};
        int[] row = {1};
        int[] part = {1};
        r.findings().forEach((f, recurring) -> {
            if (row[0] > maxDataRows) {
                part[0]++;
                sheet[0] = table(wb, base + " (" + part[0] + ")", st, widths, headers);
                row[0] = 1;
            }
            Row fr = sheet[0].createRow(row[0]++);
            text(fr, 0, f.ruleId(), st.text);
            text(fr, 1, f.severity().name(), switch (f.severity()) {
                case ERROR -> st.error;
                case WARN -> st.warn;
                case INFO -> st.info;
            });
            text(fr, 2, f.entityType(), st.text);
            text(fr, 3, f.entityId(), st.text);
            text(fr, 4, f.team(), st.text);
            text(fr, 5, f.owner(), st.text);
            value(fr, 6, f.metric(), st, st.decimal);
            text(fr, 7, f.threshold(), st.text);
            text(fr, 8, f.message(), st.text);
            text(fr, 9, recurring ? r.t("持续", "recurring") : r.t("新增", "new"), recurring ? st.text : st.info);
        });
    }

    private void writeReps(SXSSFWorkbook wb, AuditReport r, Styles st) {
        Sheet s = table(wb, r.t("销售", "Reps"), st, new int[] {16, 14, 12, 10, 16, 12, 14, 16},
                r.t("销售", "Rep"), r.t("团队", "Team"), r.t("进行中商机", "Open"), r.t("赢单", "Won"), r.t("成交金额", "Won amount"),
                r.t("问题数", "Findings"), r.t("跟进类问题", "Follow-up findings"), r.t("每商机问题数", "Findings per opportunity"));
        int row = 1;
        for (var rep : r.reps()) {
            Row rr = s.createRow(row++);
            text(rr, 0, rep.owner(), st.text);
            text(rr, 1, rep.team(), st.text);
            number(rr, 2, rep.open(), st.integer);
            number(rr, 3, rep.won(), st.integer);
            value(rr, 4, rep.wonAmount(), st, st.decimal);
            number(rr, 5, rep.findings(), st.integer);
            number(rr, 6, rep.followUpFindings(), st.integer);
            long opps = rep.open() + rep.won();
            Cell c = rr.createCell(7);
            c.setCellValue(opps == 0 ? 0 : (double) rep.findings() / opps);
            c.setCellStyle(st.decimal);
        }
    }

    private void writeTeamsAndChannels(SXSSFWorkbook wb, AuditReport r, Styles st) {
        Sheet s = table(wb, r.t("团队与渠道", "Teams and channels"), st, new int[] {18, 12, 12, 10, 16, 12},
                r.t("团队", "Team"), r.t("商机数", "Opportunities"), r.t("进行中", "Open"), r.t("赢单", "Won"), r.t("成交金额", "Won amount"),
                r.t("问题数", "Findings"));
        int row = 1;
        for (var t : r.teams()) {
            Row tr = s.createRow(row++);
            text(tr, 0, t.team(), st.text);
            number(tr, 1, t.opportunities(), st.integer);
            number(tr, 2, t.open(), st.integer);
            number(tr, 3, t.won(), st.integer);
            value(tr, 4, t.wonAmount(), st, st.decimal);
            number(tr, 5, t.findings(), st.integer);
        }
        row++;
        Row h = s.createRow(row++);
        text(h, 0, r.t("渠道 (近90天创建)", "Channel (created in the last 90 days)"), st.header);
        text(h, 1, r.t("商机数", "Opportunities"), st.header);
        text(h, 2, r.t("占比", "Share"), st.header);
        text(h, 3, r.t("赢单", "Won"), st.header);
        long total = r.channels().stream().mapToLong(ReportQueries.ChannelRow::opportunities).sum();
        for (var c : r.channels()) {
            Row cr = s.createRow(row++);
            text(cr, 0, c.channel(), st.text);
            number(cr, 1, c.opportunities(), st.integer);
            Cell share = cr.createCell(2);
            share.setCellValue(total == 0 ? 0 : (double) c.opportunities() / total);
            share.setCellStyle(st.percent);
            number(cr, 3, c.won(), st.integer);
        }
    }

    private void writeTargets(SXSSFWorkbook wb, AuditReport r, Styles st) {
        Sheet s = table(wb, r.t("目标", "Targets"), st, new int[] {16, 14, 12, 16, 16, 12},
                r.t("销售", "Rep"), r.t("团队", "Team"), r.t("考核周期", "Period"), r.t("目标金额", "Target"),
                r.t("本期已成交", "Won so far"), r.t("完成率", "Attainment"));
        int row = 1;
        for (var t : r.targets()) {
            Row tr = s.createRow(row++);
            text(tr, 0, t.owner(), st.text);
            text(tr, 1, t.team(), st.text);
            text(tr, 2, t.period(), st.text);
            value(tr, 3, t.target(), st, st.decimal);
            value(tr, 4, t.wonInPeriod(), st, st.decimal);
            Cell c = tr.createCell(5);
            c.setCellValue(t.target().signum() == 0 ? 0 : t.wonInPeriod().doubleValue() / t.target().doubleValue());
            c.setCellStyle(st.percent);
        }
    }

    private void writeDataIssues(SXSSFWorkbook wb, AuditReport r, Styles st) {
        Sheet s = table(wb, r.t("数据问题", "Data issues"), st, new int[] {30, 16, 8, 18, 24, 60, 16},
                r.t("文件", "File"), r.t("工作表", "Sheet"), r.t("行", "Row"), r.t("列", "Column"), r.t("原值", "Value"),
                r.t("原因", "Reason"), r.t("处理", "Action"));
        int row = 1;
        for (DataIssue i : r.dataIssues()) {
            if (row > maxDataRows) {
                break;
            }
            Row ir = s.createRow(row++);
            text(ir, 0, i.file(), st.text);
            text(ir, 1, i.sheet(), st.text);
            if (i.row() != null) {
                number(ir, 2, i.row(), st.integer);
            }
            text(ir, 3, i.column(), st.text);
            text(ir, 4, i.value(), st.text);
            text(ir, 5, i.reason(), st.text);
            text(ir, 6, i.action().name(), i.action() == DataIssue.Action.ROW_REJECTED ? st.warn : st.text);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Sheet table(SXSSFWorkbook wb, String name, Styles st, int[] widths, String... headers) {
        SXSSFSheet s = wb.createSheet(name);
        header(s.createRow(0), st, headers);
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 1);
        s.setAutoFilter(new CellRangeAddress(0, 0, 0, headers.length - 1));
        return s;
    }

    /** Printed (or exported to PDF) landscape, one page wide, so no column lands on a page of its own. */
    private static void printOnePageWide(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void header(Row row, Styles st, String... headers) {
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], st.header);
        }
    }

    /** Text cells are formula-safe: a leading = + - @ TAB or CR gets a quote (SPEC §6). */
    static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(SpreadsheetText.safe(value));
        }
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, long value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void value(Row row, int col, Object value, Styles st, CellStyle numberStyle) {
        if (value == null) {
            row.createCell(col).setCellStyle(numberStyle);
        } else if (value instanceof BigDecimal b) {
            Cell c = row.createCell(col);
            c.setCellValue(b.doubleValue());
            c.setCellStyle(numberStyle);
        } else if (value instanceof Number n) {
            number(row, col, n.longValue(), st.integer);
        } else {
            text(row, col, value.toString(), st.text);
        }
    }

    private static String stageLabel(String stage, AuditReport r) {
        return switch (stage) {
            case "IDENTIFIED" -> r.t("商机识别", "Identified");
            case "TRACKING" -> r.t("商机跟踪", "Tracking");
            case "EVALUATING" -> r.t("商机评估", "Evaluating");
            case "WON" -> r.t("赢单", "Won");
            case "LOST" -> r.t("输单", "Lost");
            default -> stage;
        };
    }

    private static void barChart(XSSFDrawing drawing, XSSFSheet s, XSSFClientAnchor anchor, String title, int first, int last,
                                 int catCol, int valCol, BarDirection direction) {
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        var x = chart.createCategoryAxis(direction == BarDirection.BAR ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        var y = chart.createValueAxis(direction == BarDirection.BAR ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        XDDFChartData data = chart.createData(ChartTypes.BAR, x, y);
        ((XDDFBarChartData) data).setBarDirection(direction);
        var series = data.addSeries(categories(s, first, last, catCol), numbers(s, first, last, valCol));
        series.setTitle(title, null);
        // an explicit fill: LibreOffice draws XDDF bars without one as invisible
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
        chart.plot(data);
    }

    private static org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource categories(XSSFSheet s, int first, int last, int col) {
        return XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(first, last, col, col));
    }

    private static org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource<Double> numbers(XSSFSheet s, int first, int last, int col) {
        return XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first, last, col, col));
    }

    private static String ref(XSSFSheet s, int firstRow, int lastRow, int firstCol, int lastCol) {
        return new CellRangeAddress(firstRow, lastRow, firstCol, lastCol).formatAsString("'" + s.getSheetName().replace("'", "''") + "'", true);
    }

    private static Styles styles(Workbook wb) {
        Styles st = new Styles();
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        st.header = wb.createCellStyle();
        st.header.setFont(bold);
        st.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        st.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        st.header.setBorderBottom(BorderStyle.THIN);
        st.header.setWrapText(true);
        st.text = wb.createCellStyle();
        st.wrap = wb.createCellStyle();
        st.wrap.setWrapText(true);
        var formats = wb.createDataFormat();
        st.integer = wb.createCellStyle();
        st.integer.setDataFormat(formats.getFormat("#,##0"));
        st.decimal = wb.createCellStyle();
        st.decimal.setDataFormat(formats.getFormat("#,##0.####"));
        st.percent = wb.createCellStyle();
        st.percent.setDataFormat(formats.getFormat("0.0%"));
        st.error = fill(wb, IndexedColors.ROSE);
        st.warn = fill(wb, IndexedColors.LIGHT_YELLOW);
        st.info = fill(wb, IndexedColors.PALE_BLUE);
        st.title = wb.createCellStyle();
        st.title.setFont(big);
        st.kpi = wb.createCellStyle();
        st.kpi.setFont(bold);
        return st;
    }

    private static CellStyle fill(Workbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

}
