package org.pipelineaudit.rules;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pipelineaudit.config.YamlNodes;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordSchema;
import org.pipelineaudit.model.Stage;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The settings of every rule for a run: the defaults of {@code rules/defaults.yml}, overridden key by key
 * by a {@code --rules} file (SPEC §5). Settings change numbers, never operators. Validation follows SPEC
 * §5's types; any error names the file and line.
 */
public final class RuleSettings {

    private static final Set<String> WHOLE = Set.of("threshold", "max", "window", "min_count", "min_open", "min_reps", "periods");
    private static final Set<String> SHARE = Set.of("share");
    private static final Set<String> POSITIVE = Set.of("factor", "high", "low");

    private final Map<String, RuleSetting> settings;

    private RuleSettings(Map<String, RuleSetting> settings) {
        this.settings = settings;
    }

    public static RuleSettings defaults() {
        return load(null);
    }

    public static RuleSettings load(Path rulesFile) {
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
        YamlNodes builtin = YamlNodes.forSource("rules/defaults.yml");
        try (Reader r = new InputStreamReader(RuleSettings.class.getResourceAsStream("/rules/defaults.yml"), StandardCharsets.UTF_8)) {
            apply(builtin, builtin.parse(r), raw, true);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (rulesFile != null) {
            YamlNodes yaml = YamlNodes.forSource(rulesFile.toString());
            Node root = yaml.parse(rulesFile);
            if (root != null) {
                apply(yaml, root, raw, false);
            }
        }
        Map<String, RuleSetting> out = new LinkedHashMap<>();
        raw.forEach((id, params) -> {
            Map<String, Object> p = new LinkedHashMap<>(params);
            boolean enabled = (Boolean) p.remove("enabled");
            Severity severity = (Severity) p.remove("severity");
            out.put(id, new RuleSetting(id, enabled, severity, p));
        });
        return new RuleSettings(out);
    }

    private static void apply(YamlNodes yaml, Node root, Map<String, Map<String, Object>> raw, boolean defining) {
        for (var rule : yaml.mapping(root, "the rules file").entrySet()) {
            String id = rule.getKey();
            Node keyNode = rule.getValue().getKeyNode();
            if (!defining && !raw.containsKey(id)) {
                throw yaml.error(keyNode, "unknown rule id '" + id + "' (see `run.sh rules` for the list)");
            }
            Map<String, Object> target = raw.computeIfAbsent(id, k -> new LinkedHashMap<>());
            Node body = rule.getValue().getValueNode();
            for (var entry : yaml.mapping(body, id).entrySet()) {
                String key = entry.getKey();
                NodeTuple tuple = entry.getValue();
                if (!defining && !target.containsKey(key)) {
                    throw yaml.error(tuple.getKeyNode(), "unknown key '" + key + "' for " + id + "; keys: " + String.join(", ", target.keySet()));
                }
                target.put(key, value(yaml, id, key, tuple.getValueNode(), target.get(key)));
            }
        }
    }

    private static Object value(YamlNodes yaml, String id, String key, Node node, Object current) {
        String where = id + "." + key;
        switch (key) {
            case "enabled" -> {
                return yaml.bool(node, where);
            }
            case "severity" -> {
                String v = yaml.scalar(node, where).trim().toUpperCase(Locale.ROOT);
                try {
                    return Severity.valueOf(v);
                } catch (IllegalArgumentException e) {
                    throw yaml.error(node, where + " must be INFO, WARN or ERROR, not '" + v + "'");
                }
            }
            case "fields" -> {
                List<String> fields = yaml.scalars(node, where);
                var known = RecordSchema.of(Kind.OPPORTUNITY).fields().keySet();
                for (String f : fields) {
                    if (!known.contains(f) || f.equals("outcome")) {
                        throw yaml.error(node, where + ": '" + f + "' is not an opportunity field");
                    }
                }
                return List.copyOf(fields);
            }
            case "bands" -> {
                @SuppressWarnings("unchecked")
                Map<String, List<BigDecimal>> bands = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, List<BigDecimal>>) current);
                for (var stage : yaml.mapping(node, where).entrySet()) {
                    String name = stage.getKey().trim().toUpperCase(Locale.ROOT);
                    try {
                        Stage.valueOf(name);
                    } catch (IllegalArgumentException e) {
                        throw yaml.error(stage.getValue().getKeyNode(), where + ": unknown stage '" + stage.getKey() + "'");
                    }
                    Node band = stage.getValue().getValueNode();
                    List<String> pair = yaml.scalars(band, where + "." + name);
                    if (pair.size() != 2) {
                        throw yaml.error(band, where + "." + name + " must be [low, high]");
                    }
                    BigDecimal lo = decimal(yaml, band, where, pair.get(0));
                    BigDecimal hi = decimal(yaml, band, where, pair.get(1));
                    if (lo.compareTo(hi) > 0) {
                        throw yaml.error(band, where + "." + name + ": low " + lo + " is above high " + hi);
                    }
                    bands.put(name, List.of(lo, hi));
                }
                return bands;
            }
            default -> {
                String text = yaml.scalar(node, where).trim();
                BigDecimal v = decimal(yaml, node, where, text);
                if (WHOLE.contains(key)) {
                    if (v.stripTrailingZeros().scale() > 0 || v.signum() < 0) {
                        throw yaml.error(node, where + " must be a whole number ≥ 0, not " + text);
                    }
                    if ((key.equals("window") || key.equals("periods")) && v.signum() == 0) {
                        throw yaml.error(node, where + " must be at least 1");
                    }
                    return v.intValueExact();
                }
                if (SHARE.contains(key) && (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0)) {
                    throw yaml.error(node, where + " must be a share between 0 and 1, not " + text);
                }
                if (POSITIVE.contains(key) && v.signum() <= 0) {
                    throw yaml.error(node, where + " must be a positive number, not " + text);
                }
                return v;
            }
        }
    }

    private static BigDecimal decimal(YamlNodes yaml, Node node, String where, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw yaml.error(node, where + " must be a number, not '" + text + "'");
        }
    }

    public RuleSetting get(String ruleId) {
        RuleSetting s = settings.get(ruleId);
        if (s == null) {
            throw new IllegalArgumentException("no settings for " + ruleId);
        }
        return s;
    }

    public Collection<RuleSetting> all() {
        return settings.values();
    }

    /** The settings as a map for summary.json (rule id → settings). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        settings.forEach((id, s) -> m.put(id, s.asMap()));
        return m;
    }

    /** The settings in the YAML form of a rules file, one flow-style line per rule. */
    public String toYaml(Map<String, String> comments) {
        StringBuilder out = new StringBuilder();
        for (RuleSetting s : settings.values()) {
            String comment = comments.get(s.ruleId());
            if (comment != null) {
                comment.lines().forEach(l -> out.append("# ").append(l).append('\n'));
            }
            List<String> parts = new ArrayList<>();
            s.asMap().forEach((k, v) -> parts.add(k + ": " + yamlValue(v)));
            out.append(s.ruleId()).append(": {").append(String.join(", ", parts)).append("}\n");
        }
        return out.toString();
    }

    private static String yamlValue(Object v) {
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, val) -> parts.add(k + ": " + yamlValue(val)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(RuleSettings::yamlValue).toList()) + "]";
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(v);
    }
}
