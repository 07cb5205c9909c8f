package org.pipelineaudit.sampledata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pipelineaudit.bench.TypedRow;

/**
 * Writes sample-data/: the exports of 星河智联科技 (a fictional SaaS vendor) as of 2026-11-30 — a CRM
 * workbook (商机 + 跟进记录 + 说明), the roster, the targets, customer feedback as a GBK CSV, and the
 * overseas team's HubSpot export with its mapping file. Seeded, so the files are the same every time.
 * It plants the imperfections real data has; sample-data/README.md lists them.
 *
 * <p>Run: {@code mvn -q test-compile exec:java}-free — {@code java -cp target/test-classes:$(cat cp.txt) ...SampleDataGenerator sample-data}
 */
public final class SampleDataGenerator {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    record Rep(String name, String team, String manager, String managerEmail, String email) {
    }

    static final List<Rep> REPS = List.of(
            new Rep("张伟", "华东大区", "陈静", "chen.jing@xinghe.example", "zhang.wei@xinghe.example"),
            new Rep("李娜", "华东大区", "陈静", "chen.jing@xinghe.example", "li.na@xinghe.example"),
            new Rep("王强", "华东大区", "陈静", "chen.jing@xinghe.example", "wang.qiang@xinghe.example"),
            new Rep("刘洋", "华东大区", "陈静", "chen.jing@xinghe.example", "liu.yang@xinghe.example"),
            new Rep("赵敏", "华南大区", "黄磊", "huang.lei@xinghe.example", "zhao.min@xinghe.example"),
            new Rep("孙浩", "华南大区", "黄磊", "huang.lei@xinghe.example", "sun.hao@xinghe.example"),
            new Rep("周婷", "华南大区", "黄磊", "huang.lei@xinghe.example", "zhou.ting@xinghe.example"),
            new Rep("吴磊", "华北大区", "郑华", "zheng.hua@xinghe.example", "wu.lei@xinghe.example"),
            new Rep("徐静", "华北大区", "郑华", "zheng.hua@xinghe.example", "xu.jing@xinghe.example"),
            new Rep("马超", "华北大区", "郑华", "zheng.hua@xinghe.example", "ma.chao@xinghe.example"),
            new Rep("Emily Carter", "海外业务部", "David Lin", "david.lin@xinghe.example", "emily.carter@xinghe.example"),
            new Rep("James Wong", "海外业务部", "David Lin", "david.lin@xinghe.example", "james.wong@xinghe.example"));

    static final String[] CITIES = {"上海", "杭州", "苏州", "南京", "宁波", "广州", "深圳", "东莞", "佛山", "北京", "天津", "青岛"};
    static final String[] TRADES = {"恒通物流", "绿源食品", "精工机械", "博远教育", "海联进出口", "美佳日化", "迅捷电子", "华盛五金",
            "顺德家居", "康宁医药"};
    static final String[] CUSTOMERS = customers();

    private static String[] customers() {
        List<String> names = new ArrayList<>();
        for (String city : CITIES) {
            for (String trade : TRADES) {
                names.add(city + trade + "有限公司");
            }
        }
        names.set(17, "=HYPERLINK(\"http://evil.example\",\"点我\")"); // a hostile name must stay text in every output
        return names.toArray(String[]::new);
    }

    static final String[] CHANNELS = {"线上广告", "老客户转介绍", "展会", "电话营销", "官网咨询", "合作伙伴"};
    static final String[] STAGES = {"商机识别", "需求确认", "方案报价", "谈判", "赢单", "输单"};
    static final String[] TYPES = {"电话", "邮件", "面谈", "拜访", "微信"};

    private final Random random = new Random(20261130L);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        Files.createDirectories(dir);
        new SampleDataGenerator().writeAll(dir);
    }

    void writeAll(Path dir) throws IOException {
        List<Object[]> opportunities = new ArrayList<>();
        List<Object[]> activities = new ArrayList<>();
        buildPipeline(opportunities, activities);
        writeCrmWorkbook(dir.resolve("星河智联-CRM导出-2026-11-30.xlsx"), opportunities, activities);
        writeRoster(dir.resolve("销售团队花名册.xlsx"));
        writeTargets(dir.resolve("销售目标-2026.xlsx"), opportunities);
        writeFeedback(dir.resolve("客户需求反馈.csv"));
        writeHubSpot(dir.resolve("hubspot-deals-overseas.csv"), dir.resolve("hubspot-activities-overseas.csv"));
    }

    // ---- the pipeline ------------------------------------------------------------------------

    private void buildPipeline(List<Object[]> opps, List<Object[]> acts) {
        int actSeq = 1;
        for (int i = 1; i <= 320; i++) {
            String id = "SJ2026%04d".formatted(i);
            Rep rep = REPS.get(random.nextInt(10));
            LocalDate created = AS_OF.minusDays(random.nextInt(182));
            int stageIndex = stageFor(created);
            String stage = STAGES[stageIndex];
            boolean open = stageIndex < 4;
            String channel = rep.team().equals("华南大区") && random.nextInt(10) < 8 ? "线上广告" : CHANNELS[random.nextInt(CHANNELS.length)];
            String intent = pick("强烈", "一般", "不明确");
            String budget = pick("充足", "有限", "未知");
            String priority = expectedPriority(intent, budget);
            if (random.nextInt(12) == 0) {
                priority = pick("高", "中", "低"); // sometimes classified by gut feeling
            }
            if (random.nextInt(15) == 0) {
                priority = "";
            }
            int[] band = {10, 30, 60, 70, 100, 0};
            Object probability = stageIndex == 5 ? 0 : Math.min(100, band[stageIndex] + random.nextInt(15));
            if (random.nextInt(25) == 0) {
                probability = 95; // optimistic rep
            }
            if (stageIndex == 1 && random.nextInt(6) == 0) {
                probability = "45%";
            }
            double expected = (5 + random.nextInt(196)) * 1000.0;
            Object expectedCell = random.nextInt(10) == 0 ? "%.1f万".formatted(expected / 10000) : expected;
            LocalDate closeDate = stageIndex >= 4 ? created.plusDays(20 + random.nextInt(60)) : created.plusDays(30 + random.nextInt(90));
            if (stageIndex >= 4 && closeDate.isAfter(AS_OF)) {
                closeDate = AS_OF.minusDays(random.nextInt(5));
            }
            Object won = stageIndex == 4 ? (Object) (expected * (0.8 + random.nextInt(30) / 100.0)) : "";
            if (stageIndex == 4 && random.nextInt(12) == 0) {
                won = ""; // won but amount never entered
            }
            LocalDate decision = stageIndex >= 2 && random.nextInt(4) != 0 ? closeDate.minusDays(5) : null;
            String owner = random.nextInt(40) == 0 && open ? "" : rep.name();
            // follow-ups
            List<LocalDate> dates = new ArrayList<>();
            LocalDate end = open ? AS_OF : closeDate;
            LocalDate d = created.plusDays(random.nextInt(10) < 8 ? random.nextInt(3) : 4 + random.nextInt(6));
            int cadence = random.nextInt(10) < 7 ? 4 + random.nextInt(4) : 8 + random.nextInt(10);
            while (!d.isAfter(end) && dates.size() < 30) {
                dates.add(d);
                d = d.plusDays(Math.max(1, cadence + random.nextInt(3) - 1));
            }
            if (i % 53 == 0 && !dates.isEmpty()) { // pestering: five touches in four days
                LocalDate burst = dates.get(0);
                for (int k = 1; k <= 4; k++) {
                    dates.add(burst.plusDays(k % 4));
                }
            }
            if (stageIndex == 4 && random.nextInt(3) == 0) { // after-sale visit
                LocalDate visit = closeDate.plusDays(10 + random.nextInt(20));
                if (!visit.isAfter(AS_OF)) {
                    dates.add(visit);
                }
            }
            String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
            for (LocalDate date : dates) {
                String type = TYPES[random.nextInt(TYPES.length)];
                acts.add(new Object[] {"GJ%05d".formatted(actSeq++), id, customer, date, type, owner.isEmpty() ? rep.name() : owner,
                        note(type)});
            }
            LocalDate last = dates.isEmpty() ? null : dates.stream().max(LocalDate::compareTo).get();
            LocalDate next = open ? (last == null ? created.plusDays(3) : last.plusDays(7)) : null;
            if (i == 7) {
                closeDate = created.minusDays(3); // typed the wrong year
            }
            opps.add(new Object[] {id, customer + " - " + pick("CRM年度订阅", "数据中台项目", "营销云扩容", "私有化部署"), customer,
                    owner, channel, stage, priority, intent, budget, stageIndex >= 2 && random.nextInt(3) == 0 ? "" : expected * 1.2,
                    decision, probability, expectedCell, won, created, last, next, closeDate});
        }
        // planted problems a reader can find in the outputs
        Object[] conflicting = opps.get(11).clone();
        conflicting[5] = "谈判";
        opps.add(conflicting); // same 商机编号 twice with a different stage (DQ-DUPLICATE)
        opps.add(opps.get(20).clone()); // an identical duplicate row (counts once)
        opps.add(new Object[] {"", "无编号的商机", "某客户", "张伟", "展会", "商机识别", "中", "一般", "未知", "", null, 10, 50000.0, "",
                AS_OF.minusDays(3), null, null, null}); // no id: rejected
        opps.add(new Object[] {"SJ20269001", "日期写错的商机", "郑州中原建设集团", "吴磊", "展会", "需求确认", "中", "一般", "未知", "",
                null, 30, "约50万", "", "2026-13-45", null, null, null}); // bad created date: rejected
        acts.add(new Object[] {"GJ99001", "SJ20269999", "不存在的客户", AS_OF.minusDays(4), "电话", "李娜", "商机已删除"}); // orphan
        acts.add(new Object[] {"GJ99002", "SJ20260002", "", AS_OF.plusDays(2), "拜访", "张伟", "预约的拜访（日期填成了未来）"});
    }

    private int stageFor(LocalDate created) {
        long age = AS_OF.toEpochDay() - created.toEpochDay();
        int r = random.nextInt(100);
        if (age < 20) {
            return r < 60 ? 0 : r < 90 ? 1 : 2;
        }
        if (age < 60) {
            return r < 20 ? 0 : r < 50 ? 1 : r < 75 ? 2 : r < 85 ? 3 : r < 95 ? 4 : 5;
        }
        return r < 5 ? 0 : r < 15 ? 1 : r < 25 ? 2 : r < 35 ? 3 : r < 75 ? 4 : 5;
    }

    private static String expectedPriority(String intent, String budget) {
        if (intent.equals("强烈") && budget.equals("充足")) {
            return "高";
        }
        if (intent.equals("不明确") || budget.equals("有限")) {
            return "低";
        }
        return "中";
    }

    private String note(String type) {
        return switch (type) {
            case "电话" -> pick("电话沟通需求，客户关注价格", "确认采购流程", "约定下周演示");
            case "邮件" -> pick("发送产品方案", "发送报价单", "回复技术问题");
            case "面谈" -> pick("与IT负责人面谈", "高层会谈，讨论合作范围");
            case "拜访" -> pick("上门拜访，现场调研", "拜访采购部");
            default -> pick("微信跟进，客户在出差", "微信发送案例资料");
        };
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    // ---- files -------------------------------------------------------------------------------

    private void writeCrmWorkbook(Path file, List<Object[]> opps, List<Object[]> acts) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            CreationHelper helper = wb.getCreationHelper();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(helper.createDataFormat().getFormat("#,##0.00"));
            Sheet s = wb.createSheet("商机");
            s.createRow(0).createCell(0).setCellValue("星河智联科技 · 商机列表导出（导出时间 2026-11-30 18:00）");
            String[] header = {"商机编号", "商机名称", "客户名称", "负责人", "商机来源", "商机阶段", "商机等级", "购买意愿", "预算情况", "预算金额",
                    "决策时间", "赢率", "预计成交金额", "成交金额", "创建时间", "最后跟进时间", "下次跟进时间", "预计成交日期"};
            writeRow(s.createRow(2), header, null, null);
            int r = 3;
            for (Object[] o : opps) {
                writeRow(s.createRow(r++), o, date, money);
            }
            Sheet a = wb.createSheet("跟进记录");
            writeRow(a.createRow(0), new Object[] {"跟进记录编号", "商机编号", "客户名称", "跟进时间", "跟进方式", "跟进人", "跟进内容"}, null, null);
            r = 1;
            for (Object[] o : acts) {
                writeRow(a.createRow(r++), o, date, money);
            }
            Sheet n = wb.createSheet("说明");
            n.createRow(0).createCell(0).setCellValue("本文件由 CRM 系统导出，仅供内部分析使用。");
            n.createRow(1).createCell(0).setCellValue("字段说明请见 CRM 帮助中心。");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private void writeRoster(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("花名册");
            writeRow(s.createRow(0), new Object[] {"销售", "团队", "经理", "经理邮箱", "邮箱"}, null, null);
            int r = 1;
            for (Rep rep : REPS) {
                writeRow(s.createRow(r++), new Object[] {rep.name(), rep.team(), rep.manager(), rep.managerEmail(), rep.email()}, null, null);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** Monthly targets near each rep's Aug–Oct average won amount; two set badly on purpose; one quarterly. */
    private void writeTargets(Path file, List<Object[]> opps) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("业绩目标");
            writeRow(s.createRow(0), new Object[] {"销售", "考核周期", "目标金额"}, null, null);
            int r = 1;
            for (Rep rep : REPS.subList(0, 10)) {
                double won = 0;
                for (Object[] o : opps) {
                    if (rep.name().equals(o[3]) && "赢单".equals(o[5]) && o[13] instanceof Double amount && o[17] instanceof LocalDate close
                            && !close.isBefore(LocalDate.of(2026, 8, 1)) && close.isBefore(LocalDate.of(2026, 11, 1))) {
                        won += amount;
                    }
                }
                double factor = rep.name().equals("王强") ? 3.0 : rep.name().equals("周婷") ? 0.4 : 0.9 + random.nextInt(5) / 10.0;
                double monthly = Math.max(50_000, Math.round(won / 3 * factor / 1000) * 1000.0);
                writeRow(s.createRow(r++), new Object[] {rep.name(), "2026年11月", monthly}, null, null);
            }
            writeRow(s.createRow(r++), new Object[] {"张伟", "2026-Q4", 400_000.0}, null, null);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private void writeFeedback(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, Charset.forName("GBK"));
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord("反馈编号", "客户名称", "商机编号", "负责人", "反馈时间", "响应时间", "反馈类型", "反馈内容");
            String[] categories = {"功能需求", "价格异议", "服务投诉", "交付进度", "集成问题"};
            for (int i = 1; i <= 70; i++) {
                Rep rep = REPS.get(random.nextInt(10));
                LocalDate raised = AS_OF.minusDays(random.nextInt(120));
                int delay = rep.team().equals("华北大区") ? random.nextInt(7) : random.nextInt(4);
                LocalDate responded = raised.plusDays(delay);
                String respondedText = responded.isAfter(AS_OF) || random.nextInt(15) == 0 ? "" : responded.toString().replace('-', '/');
                csv.printRecord("FK%04d".formatted(i), CUSTOMERS[random.nextInt(CUSTOMERS.length)], "SJ2026%04d".formatted(1 + random.nextInt(320)),
                        rep.name(), raised.toString().replace('-', '/'), respondedText, categories[random.nextInt(categories.length)],
                        pick("希望增加移动端审批", "报价高于竞品，要求折扣", "实施顾问响应慢", "数据导入失败，需要协助", "要求对接金蝶ERP"));
            }
        }
    }

    private void writeHubSpot(Path deals, Path activities) throws IOException {
        try (Writer w = Files.newBufferedWriter(deals, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal owner", "Original Source",
                    "Deal probability", "Associated Company");
            String[] stages = {"Discovery Call", "Demo Scheduled", "Proposal Sent", "Negotiating", "Closed won", "Closed lost"};
            String[] companies = {"Harbor Freight Systems Pte Ltd", "Sunrise Retail Sdn Bhd", "Blue Ocean Logistics LLC", "Kiwi Dairy Co",
                    "Maple Leaf Foods Inc", "Alpine Tools GmbH"};
            try (Writer aw = Files.newBufferedWriter(activities, StandardCharsets.UTF_8);
                 CSVPrinter acsv = new CSVPrinter(aw, CSVFormat.DEFAULT)) {
                acsv.printRecord("Activity ID", "Deal ID", "Activity Type", "Activity Date", "Activity Owner", "Notes");
                int act = 1;
                for (int i = 1; i <= 40; i++) {
                    Rep rep = REPS.get(10 + random.nextInt(2));
                    LocalDate created = AS_OF.minusDays(random.nextInt(150));
                    int stage = random.nextInt(stages.length);
                    LocalDate close = created.plusDays(30 + random.nextInt(60));
                    if (stage >= 4 && close.isAfter(AS_OF)) {
                        close = AS_OF.minusDays(1);
                    }
                    String id = String.valueOf(18_000_000_000L + i * 7919L);
                    csv.printRecord(id, companies[i % companies.length] + " - Platform licence", stages[stage],
                            "$%,.2f".formatted((10 + random.nextInt(90)) * 1000.0), us(close), us(created), rep.name(),
                            pick("Paid Search", "Referrals", "Organic Search", "Events"),
                            stage == 4 ? "1" : stage == 5 ? "0" : "0." + (1 + stage * 2), companies[i % companies.length]);
                    LocalDate d = created.plusDays(random.nextInt(5));
                    LocalDate end = stage >= 4 ? close : AS_OF;
                    while (!d.isAfter(end)) {
                        acsv.printRecord("A-" + (act++), id, pick("Call", "Email", "Meeting"), d + "T0" + (1 + random.nextInt(8)) + ":30:00Z",
                                rep.name(), pick("Intro call", "Sent deck", "Pricing discussion", "Follow-up on security review"));
                        d = d.plusDays(5 + random.nextInt(8));
                    }
                }
            }
        }
    }

    private static String us(LocalDate d) {
        return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
    }

    private static void writeRow(Row row, Object[] values, CellStyle date, CellStyle money) {
        List<Object> cells = new ArrayList<>();
        for (Object v : values) {
            cells.add("".equals(v) ? null : v);
        }
        TypedRow.write(row, cells, new TypedRow.Styles(date, null, money));
    }
}
