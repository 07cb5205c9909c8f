package org.pipelineaudit.ingest;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pipelineaudit.config.ConfigurationException;
import org.pipelineaudit.config.YamlNodes;
import org.pipelineaudit.model.ActivityType;
import org.pipelineaudit.model.BudgetStatus;
import org.pipelineaudit.model.FieldSpec;
import org.pipelineaudit.model.FieldType;
import org.pipelineaudit.model.Intent;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.Priority;
import org.pipelineaudit.model.RecordSchema;
import org.pipelineaudit.model.Stage;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Builds the {@link AliasCatalog}: built-in aliases from the classpath, then mapping files (SPEC §3). */
public final class AliasCatalogLoader {

    private static final String BUILTIN = "/ingest/builtin-aliases.yml";

    public AliasCatalog load(List<Path> mappingFiles) {
        AliasCatalog catalog = new AliasCatalog();
        loadBuiltin(catalog);
        for (Path file : mappingFiles) {
            loadMapping(catalog, file);
        }
        return catalog;
    }

    private void loadBuiltin(AliasCatalog catalog) {
        YamlNodes yaml = YamlNodes.forSource("builtin-aliases.yml");
        var in = AliasCatalogLoader.class.getResourceAsStream(BUILTIN);
        Node root = yaml.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, NodeTuple> top = yaml.mapping(root, "the file");
        for (var kindEntry : yaml.mapping(top.get("headers").getValueNode(), "headers").entrySet()) {
            Kind kind = Kind.valueOf(kindEntry.getKey());
            for (var field : yaml.mapping(kindEntry.getValue().getValueNode(), "fields").entrySet()) {
                for (String alias : yaml.scalars(field.getValue().getValueNode(), field.getKey())) {
                    catalog.addHeader(kind, field.getKey(), alias);
                }
            }
        }
        loadValues(catalog, yaml, top.get("values").getValueNode());
    }

    private void loadMapping(AliasCatalog catalog, Path file) {
        YamlNodes yaml = YamlNodes.forSource(file.toString());
        Node root = yaml.parse(file);
        if (root == null) {
            return;
        }
        for (var entry : yaml.mapping(root, "the mapping file").entrySet()) {
            Node value = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "headers" -> {
                    for (var field : yaml.mapping(value, "headers").entrySet()) {
                        Node fieldNode = field.getValue().getKeyNode();
                        if (!allFields().contains(field.getKey())) {
                            throw yaml.error(fieldNode, "unknown field '" + field.getKey() + "' under headers; known fields: "
                                    + String.join(", ", allFields()));
                        }
                        for (String alias : yaml.scalars(field.getValue().getValueNode(), "headers." + field.getKey())) {
                            catalog.addHeader(field.getKey(), alias);
                        }
                    }
                }
                case "values" -> {
                    for (var field : yaml.mapping(value, "values").entrySet()) {
                        if (!allFields().contains(field.getKey())) {
                            throw yaml.error(field.getValue().getKeyNode(), "unknown field '" + field.getKey() + "' under values");
                        }
                    }
                    loadValues(catalog, yaml, value);
                }
                case "day_first" -> catalog.setDayFirst(yaml.bool(value, "day_first"));
                default -> throw yaml.error(entry.getValue().getKeyNode(),
                        "unknown key '" + entry.getKey() + "' (expected headers, values or day_first)");
            }
        }
    }

    private void loadValues(AliasCatalog catalog, YamlNodes yaml, Node valuesNode) {
        for (var field : yaml.mapping(valuesNode, "values").entrySet()) {
            Set<String> allowed = allowedValues(field.getKey());
            for (var value : yaml.mapping(field.getValue().getValueNode(), "values." + field.getKey()).entrySet()) {
                Node target = value.getValue().getValueNode();
                String canonical = yaml.scalar(target, "values." + field.getKey() + "." + value.getKey());
                if (allowed != null && !allowed.contains(canonical.trim().toUpperCase())) {
                    throw yaml.error(target, "'" + canonical + "' is not a " + field.getKey() + "; use one of " + String.join(", ", allowed));
                }
                catalog.addValue(field.getKey(), value.getKey(), allowed == null ? canonical : canonical.trim().toUpperCase());
            }
        }
    }

    private static final Map<String, Set<String>> ALLOWED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The canonical values of an enumerated field, or null for a free-text field. */
    static Set<String> allowedValues(String field) {
        Set<String> allowed = ALLOWED.computeIfAbsent(field, f -> {
            Set<String> values = enumValues(f);
            return values == null ? Set.of() : java.util.Collections.unmodifiableSet(values);
        });
        return allowed.isEmpty() ? null : allowed;
    }

    private static Set<String> enumValues(String field) {
        Class<? extends Enum<?>> type = switch (field) {
            case "stage", "outcome" -> Stage.class;
            case "priority" -> Priority.class;
            case "intent" -> Intent.class;
            case "budget_status" -> BudgetStatus.class;
            case "type" -> ActivityType.class;
            default -> null;
        };
        return type == null ? null
                : Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static Set<String> allFields() {
        return Arrays.stream(Kind.values()).flatMap(k -> RecordSchema.of(k).fields().values().stream())
                .map(FieldSpec::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

}
