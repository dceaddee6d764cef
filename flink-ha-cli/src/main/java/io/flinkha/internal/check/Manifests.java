package io.flinkha.internal.check;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Kubernetes objects from manifests as teams keep them: YAML or JSON, several documents to a file, {@code List}
 * objects ({@code kubectl get -o yaml}), a folder of them, or standard input. Each object keeps where it came from, so a
 * finding can name its file and line.
 */
final class Manifests {
    /** The most a manifest may hold: a manifest is configuration, not data. */
    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    private Manifests() {
    }

    /**
     * One Kubernetes object.
     *
     * @param source the file it came from ({@code -} for standard input)
     * @param object the object
     * @param node   its YAML node, which knows the line of each field
     */
    record Manifest(String source, Map<String, Object> object, Node node) {
        String kind() {
            return String.valueOf(object.get("kind"));
        }

        String name() {
            String name = Manifests.name(object);
            return name.isEmpty() ? "(no name)" : name;
        }

        String namespace() {
            return Manifests.namespace(object);
        }

        /** @return the 1-based line of the object */
        int line() {
            return node.getStartMark().getLine() + 1;
        }

        /**
         * @param path a path such as {@code spec.flinkConfiguration."high-availability.storageDir"}
         * @return the 1-based line of the deepest field of the path the document has
         */
        int lineOf(String path) {
            Node at = node;
            for (String segment : segments(path)) {
                Optional<Node> next = child(at, segment);
                if (next.isEmpty()) {
                    break;
                }
                at = next.get();
            }
            return at.getStartMark().getLine() + 1;
        }
    }

    /**
     * @param object a Kubernetes object
     * @return its name, empty when it has none
     */
    static String name(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name")) : "";
    }

    /**
     * @param object a Kubernetes object
     * @return its namespace, {@code default} when it names none (as kubectl applies it)
     */
    static String namespace(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> m && m.get("namespace") != null ? String.valueOf(m.get("namespace")) : "default";
    }

    /** A document that is not a Kubernetes object, or a kind this check does not read. */
    record Skipped(String source, int line, String why) {
    }

    /** Everything read. */
    record Read(List<Manifest> objects, List<Skipped> skipped) {
    }

    /** Input that cannot be read at all: a file that is missing, malformed YAML, or nothing. */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * @param inputs files, folders (every {@code .yaml}, {@code .yml} and {@code .json} below), or {@code -} for standard input
     * @param stdin  standard input
     * @return every object, and what was skipped
     * @throws UnreadableException when an input is missing or malformed, or holds no document at all
     */
    static Read read(List<String> inputs, InputStream stdin) throws UnreadableException {
        List<Manifest> objects = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int documents = 0;
        for (String input : inputs) {
            for (Path file : files(input)) {
                String source = input.equals("-") ? "-" : file.toString();
                String text = text(input, file, stdin);
                documents += parse(source, text, objects, skipped);
            }
        }
        if (documents == 0) {
            throw new UnreadableException("the input holds no YAML or JSON document (" + String.join(", ", inputs) + ")");
        }
        return new Read(objects, skipped);
    }

    private static List<Path> files(String input) throws UnreadableException {
        if (input.equals("-")) {
            return List.of(Path.of("-"));
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
            } catch (IOException e) {
                throw new UnreadableException(input + " cannot be read: " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new UnreadableException(input + " does not exist");
        }
        return List.of(path);
    }

    private static String text(String input, Path file, InputStream stdin) throws UnreadableException {
        try {
            return input.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableException(input + " cannot be read: " + e.getMessage());
        }
    }

    /** @return how many documents the text holds */
    private static int parse(String source, String text, List<Manifest> objects, List<Skipped> skipped) throws UnreadableException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        int documents = 0;
        try {
            Iterator<Node> nodes = yaml.composeAll(new java.io.StringReader(text)).iterator();
            Iterator<Object> values = yaml.loadAll(text).iterator();
            while (nodes.hasNext()) {
                Node node = nodes.next();
                Object value = values.next();
                documents++;
                collect(source, node, value, objects, skipped);
            }
        } catch (MarkedYAMLException e) {
            throw new UnreadableException(source + ": malformed YAML at line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new UnreadableException(source + ": " + e.getMessage());
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String source, Node node, Object value, List<Manifest> objects, List<Skipped> skipped) {
        int line = node.getStartMark().getLine() + 1;
        if (!(value instanceof Map<?, ?> map) || map.get("apiVersion") == null || map.get("kind") == null) {
            skipped.add(new Skipped(source, line, "not a Kubernetes object (no apiVersion and kind)"));
            return;
        }
        if ("List".equals(map.get("kind")) || String.valueOf(map.get("kind")).endsWith("List") && map.get("items") instanceof List<?>) {
            List<Object> items = map.get("items") instanceof List<?> l ? (List<Object>) l : List.of();
            List<Node> itemNodes = child(node, "items").filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue())
                    .orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                Node itemNode = i < itemNodes.size() ? itemNodes.get(i) : node;
                collect(source, itemNode, items.get(i), objects, skipped);
            }
            return;
        }
        objects.add(new Manifest(source, (Map<String, Object>) map, node));
    }

    private static Optional<Node> child(Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(t.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode s && key.matches("\\d+") && Integer.parseInt(key) < s.getValue().size()) {
            return Optional.of(s.getValue().get(Integer.parseInt(key)));
        }
        return Optional.empty();
    }

    /** Splits {@code a.b."c.d"[0]} into {@code a}, {@code b}, {@code c.d}, {@code 0}. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '.' || c == '[' || c == ']')) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
