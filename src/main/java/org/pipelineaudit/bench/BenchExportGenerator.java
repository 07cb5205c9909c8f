package org.pipelineaudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a realistic large export for benchmarks: an opportunities file and an activities file with
 * Chinese headers and values, date cells, and (for xlsx) a shared-strings table as Excel writes it.
 * Seeded: the same sizes give the same files.
 */
public final class BenchExportGenerator {

    static final String[] OPP_HEADER = {"商机编号", "商机名称", "客户名称", "负责人", "团队", "商机来源", "商机阶段", "商机等级", "购买意愿", "预算情况",
            "预算金额", "决策时间", "赢率", "预计成交金额", "成交金额", "创建时间", "首次联系时间", "最后跟进时间", "下次跟进时间", "预计成交日期"};
    static final String[] ACT_HEADER = {"跟进记录编号", "商机编号", "客户名称", "跟进时间", "跟进方式", "跟进人", "跟进内容"};
    static final String[] STAGES = {"商机识别", "需求确认", "方案报价", "赢单", "输单"};
    static final String[] CHANNELS = {"线上广告", "老客户转介绍", "展会", "电话营销", "官网咨询", "合作伙伴"};
    static final String[] TYPES = {"电话", "邮件", "面谈", "拜访", "微信"};
    static final String[] LEVELS = {"高", "中", "低"};
    static final String[] INTENTS = {"强烈", "一般", "不明确"};
    static final String[] BUDGETS = {"充足", "有限", "未知"};
    static final String[] TEAMS = {"华东大区", "华南大区", "华北大区", "西南大区", "大客户部"};
    static final String[] NOTES = {"电话沟通需求，客户关注价格", "发送产品方案", "上门拜访，现场调研", "微信跟进，客户在出差", "约定下周演示"};

    private final LocalDate asOf;

    public BenchExportGenerator(LocalDate asOf) {
        this.asOf = asOf;
    }

    public record Files2(Path opportunities, Path activities) {
    }

    public Files2 write(Path dir, int opportunities, int activities, String format) throws IOException {
        Files.createDirectories(dir);
        Path opp = dir.resolve("bench-opportunities." + format);
        Path act = dir.resolve("bench-activities." + format);
        if (format.equals("csv")) {
            writeCsv(opp, OPP_HEADER, opportunities, this::opportunityRow);
            writeCsv(act, ACT_HEADER, activities, i -> activityRow(i, opportunities));
        } else {
            writeXlsx(opp, "商机", OPP_HEADER, java.util.Set.of("商机编号", "商机名称"), opportunities, this::opportunityRow);
            writeXlsx(act, "跟进记录", ACT_HEADER, java.util.Set.of("跟进记录编号"), activities, i -> activityRow(i, opportunities));
        }
        return new Files2(opp, act);
    }

    interface RowSource {
        Object[] row(int i);
    }

    Object[] opportunityRow(int i) {
        Random r = new Random(i * 7919L + 17);
        LocalDate created = asOf.minusDays(r.nextInt(365));
        int stage = r.nextInt(STAGES.length);
        double amount = (5 + r.nextInt(500)) * 1000.0;
        return new Object[] {"SJ" + (10_000_000 + i), "商机-" + i, "客户" + (i % 50_000) + "有限公司", "销售" + (i % 400),
                TEAMS[(i % 400) % TEAMS.length], CHANNELS[r.nextInt(CHANNELS.length)], STAGES[stage], LEVELS[r.nextInt(3)],
                INTENTS[r.nextInt(3)], BUDGETS[r.nextInt(3)], amount * 1.2, created.plusDays(30), 10 + r.nextInt(80), amount,
                stage == 3 ? amount : null, created, created.plusDays(r.nextInt(6)), created.plusDays(r.nextInt(40)),
                created.plusDays(r.nextInt(60)), created.plusDays(20 + r.nextInt(90))};
    }

    Object[] activityRow(int i, int opportunities) {
        Random r = new Random(i * 104729L + 3);
        int opp = opportunities == 0 ? 0 : r.nextInt(opportunities);
        // dated between its opportunity's creation (same seed as opportunityRow) and D, as real follow-ups are
        int age = new Random(opp * 7919L + 17).nextInt(365);
        LocalDate date = asOf.minusDays(age).plusDays(r.nextInt(age + 1));
        return new Object[] {"GJ" + (100_000_000 + i), "SJ" + (10_000_000 + opp), "客户" + (opp % 50_000) + "有限公司",
                date, TYPES[r.nextInt(TYPES.length)], "销售" + (opp % 400), NOTES[r.nextInt(NOTES.length)]};
    }

    private static void writeCsv(Path file, String[] header, int rows, RowSource source) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write("\r\n");
            for (int i = 0; i < rows; i++) {
                Object[] row = source.row(i);
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    if (row[c] != null) {
                        w.write(row[c].toString());
                    }
                }
                w.write("\r\n");
            }
        }
    }

    /** @param unique columns whose every value is new (ids, names): written once each, as Excel does for a value seen once */
    private static void writeXlsx(Path file, String sheetName, String[] header, java.util.Set<String> unique, int rows, RowSource source)
            throws IOException {
        // Shared strings, as Excel writes them: the reader must cope with a large strings table.
        boolean[] repeats = new boolean[header.length];
        for (int c = 0; c < header.length; c++) {
            repeats[c] = !unique.contains(header[c]);
        }
        try (SharedStringsXlsxWriter xlsx = new SharedStringsXlsxWriter(file).sheetName(sheetName)) {
            xlsx.row(header, null);
            for (int i = 0; i < rows; i++) {
                xlsx.row(source.row(i), repeats);
            }
        }
    }
}
