package org.pipelineaudit.rules;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pipelineaudit.config.YamlNodes;

/** What each rule checks, in Chinese and English ({@code rules/catalog.yml}). */
public final class RuleCatalog {

    public record Description(String zh, String en) {
        public String in(String lang) {
            return "en".equals(lang) ? en : zh;
        }
    }

    private final Map<String, Description> descriptions = new LinkedHashMap<>();

    public RuleCatalog() {
        YamlNodes yaml = YamlNodes.forSource("rules/catalog.yml");
        var root = yaml.parse(new InputStreamReader(RuleCatalog.class.getResourceAsStream("/rules/catalog.yml"), StandardCharsets.UTF_8));
        yaml.mapping(root, "catalog").forEach((id, tuple) -> {
            var m = yaml.mapping(tuple.getValueNode(), id);
            descriptions.put(id, new Description(yaml.scalar(m.get("zh").getValueNode(), "zh"), yaml.scalar(m.get("en").getValueNode(), "en")));
        });
    }

    public Description describe(String ruleId) {
        return descriptions.getOrDefault(ruleId, new Description(ruleId, ruleId));
    }

    /** `run.sh rules`: every rule with its descriptions and default settings, in the rules-file YAML form. */
    public String printDefaults(RuleSettings settings) {
        Map<String, String> comments = new LinkedHashMap<>();
        descriptions.forEach((id, d) -> comments.put(id, id + " — " + d.zh() + "\n" + d.en()));
        return "# pipeline-audit rule settings (SPEC §5). Copy what you want to change into a file for --rules.\n"
                + settings.toYaml(comments);
    }
}
