package org.pipelineaudit.report;

import java.util.HashMap;
import java.util.Map;

/** The words the PDF templates print, in Chinese or English (templates read them as $P{L}.get("key")). */
final class PdfLabels {

    private PdfLabels() {
    }

    static Map<String, String> of(boolean english) {
        Map<String, String> m = new HashMap<>();
        put(m, english, "title", "销售管道合规审计报告", "Sales pipeline compliance report");
        put(m, english, "teamTitle", "团队审计摘要", "Team audit summary");
        put(m, english, "run", "运行编号", "Run");
        put(m, english, "asOf", "审计日期", "As of");
        put(m, english, "findings", "问题总数", "Findings");
        put(m, english, "settingsSha", "规则设置 SHA-256", "Rule settings SHA-256");
        put(m, english, "inputs", "输入文件", "Inputs");
        put(m, english, "compliance", "各规则合规情况", "Compliance by rule");
        put(m, english, "chartTitle", "各规则问题数", "Findings by rule");
        put(m, english, "dataIssues", "数据问题", "Data issues");
        put(m, english, "unrecognized", "未识别或未读取的文件与工作表", "Files and sheets not recognised or not read");
        put(m, english, "noFindings", "本次审计未发现问题。", "This audit found nothing to report.");
        put(m, english, "findingsFollow", "以下按规则列出全部问题及证据。", "Every finding follows, grouped by rule, with its evidence.");
        put(m, english, "allClear", "本团队本次审计未发现问题 ✓", "All clear: no findings for this team ✓");
        put(m, english, "topFindings", "主要问题（严重度从高到低）", "Top findings (most severe first)");
        put(m, english, "moreInWorkbook", "仅列出 {0} / {1} 条，完整清单见附带的工作簿。", "{0} of {1} shown; the full list is in the attached workbook.");
        put(m, english, "capped", "问题过多，PDF 仅列出前 {0} 条；完整清单见 findings.csv 与工作簿。",
                "Too many findings: the PDF lists the first {0}; findings.csv and the workbook hold them all.");
        put(m, english, "trend", "近几次审计各规则问题数", "Findings per rule over the last runs");
        put(m, english, "new", "新增", "new");
        put(m, english, "recurring", "持续", "recurring");
        put(m, english, "since", "较上次", "Since last");
        put(m, english, "entity", "对象", "Entity");
        put(m, english, "team", "团队", "Team");
        put(m, english, "owner", "负责人", "Owner");
        put(m, english, "severity", "严重度", "Severity");
        put(m, english, "metric", "度量", "Metric");
        put(m, english, "threshold", "阈值", "Threshold");
        put(m, english, "message", "说明与证据", "Message and evidence");
        put(m, english, "file", "文件", "File");
        put(m, english, "sheet", "工作表", "Sheet");
        put(m, english, "kind", "类型", "Kind");
        put(m, english, "read", "读取", "Read");
        put(m, english, "loaded", "载入", "Loaded");
        put(m, english, "rejected", "拒绝", "Rejected");
        put(m, english, "note", "状态 / 原因", "Status / reason");
        put(m, english, "rule", "规则", "Rule");
        put(m, english, "checks", "检查内容", "What it checks");
        put(m, english, "settings", "设置", "Settings");
        put(m, english, "checked", "检查数", "Checked");
        put(m, english, "failed", "问题数", "Failed");
        put(m, english, "rate", "合规率", "Pass rate");
        put(m, english, "row", "行", "Row");
        put(m, english, "column", "列", "Column");
        put(m, english, "value", "原值", "Value");
        put(m, english, "reason", "原因", "Reason");
        put(m, english, "action", "处理", "Action");
        put(m, english, "none", "无", "None");
        put(m, english, "pageBefore", "第 ", "Page ");
        put(m, english, "pageMiddle", " 页 / 共", " of");
        put(m, english, "pageAfter", " 页", "");
        return m;
    }

    private static void put(Map<String, String> m, boolean english, String key, String zh, String en) {
        m.put(key, english ? en : zh);
    }
}
