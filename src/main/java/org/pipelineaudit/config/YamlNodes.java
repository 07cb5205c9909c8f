package org.pipelineaudit.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML settings file as nodes that remember their line, so every error can say
 * "file line N: reason" as SPEC §3 and §5 ask.
 */
public final class YamlNodes {

    private final String source;

    private YamlNodes(String source) {
        this.source = source;
    }

    public static YamlNodes forSource(String source) {
        return new YamlNodes(source);
    }

    /** The document's root, or null for an empty file. */
    public Node parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(source + ": file not found");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new ConfigurationException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Node parse(Reader reader) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigurationException(source + " line " + line + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigurationException(source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    public ConfigurationException error(Node node, String reason) {
        return new ConfigurationException(source + " line " + line(node) + ": " + reason);
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The entries of a mapping node, keyed by scalar text, in file order. */
    public Map<String, NodeTuple> mapping(Node node, String what) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping (key: value)");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            out.put(scalar(tuple.getKeyNode(), "a key"), tuple);
        }
        return out;
    }

    public String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, what + " must be a single value");
        }
        return s.getValue();
    }

    /** A list of scalars; a single scalar is taken as a list of one. */
    public List<String> scalars(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            out.add(s.getValue());
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                out.add(scalar(item, what + " item"));
            }
        } else {
            throw error(node, what + " must be a list");
        }
        return out;
    }

    public boolean bool(Node node, String what) {
        String v = scalar(node, what).trim().toLowerCase();
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, what + " must be true or false, not '" + v + "'");
        };
    }
}
