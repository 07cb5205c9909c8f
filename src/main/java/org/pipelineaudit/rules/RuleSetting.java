package org.pipelineaudit.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings one rule runs with: on/off, severity, and its named thresholds. */
public record RuleSetting(String ruleId, boolean enabled, Severity severity, Map<String, Object> params) {

    public int days(String key) {
        return ((Number) params.get(key)).intValue();
    }

    public int count(String key) {
        return ((Number) params.get(key)).intValue();
    }

    public BigDecimal number(String key) {
        Object v = params.get(key);
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return (List<String>) params.get(key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, List<BigDecimal>> bands() {
        return (Map<String, List<BigDecimal>>) params.get("bands");
    }

    /** The setting as summary.json and the reports show it. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put("severity", severity.name());
        m.putAll(params);
        return m;
    }
}
