package dev.tracepaper.extend;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A CloudFormation (SAM) template the generator rendered, composed with the parser's start and end
 * marks, so that an extension can be inserted as text at the right place without dumping the
 * template again (which would lose its comments and layout). Short-form intrinsics ({@code !Ref})
 * are tags, which composing keeps and needs no constructor for.
 */
final class SamTemplate {

  static final String FUNCTION_TYPE = "AWS::Serverless::Function";
  static final String APPLICATION_TYPE = "AWS::Serverless::Application";

  private final String path;
  private final Text text;
  private final MappingNode root;

  private SamTemplate(String path, Text text, MappingNode root) {
    this.path = path;
    this.text = text;
    this.root = root;
  }

  /**
   * The template in {@code content}, when it is one: a YAML mapping with a {@code Resources}
   * mapping and a template format version or a transform. Other YAML files give empty.
   */
  static Optional<SamTemplate> parse(String path, String content) {
    Optional<Node> node = compose(content);
    if (node.isEmpty() || !(node.get() instanceof MappingNode root)) {
      return Optional.empty();
    }
    SamTemplate template = new SamTemplate(path, new Text(content), root);
    boolean isTemplate =
        template.mapping(root, "Resources").isPresent()
            && (get(root, "AWSTemplateFormatVersion").isPresent()
                || get(root, "Transform").isPresent());
    return isTemplate ? Optional.of(template) : Optional.empty();
  }

  /** The YAML node of {@code content} with its marks, or empty when it is none or not YAML. */
  static Optional<Node> compose(String content) {
    try {
      return new Compose(LoadSettings.builder().setUseMarks(true).build()).composeString(content);
    } catch (YamlEngineException e) {
      return Optional.empty();
    }
  }

  String path() {
    return path;
  }

  Text text() {
    return text;
  }

  MappingNode root() {
    return root;
  }

  /** A top-level section's mapping, when the template has it. */
  Optional<MappingNode> section(String name) {
    return mapping(root, name);
  }

  /** The names a top-level section defines, with the line of each. */
  Map<String, Integer> names(String section) {
    Map<String, Integer> names = new LinkedHashMap<>();
    section(section)
        .ifPresent(
            map -> {
              for (NodeTuple tuple : map.getValue()) {
                names.put(scalar(tuple.getKeyNode()), line(tuple.getKeyNode()));
              }
            });
    return names;
  }

  /** Every {@code AWS::Serverless::Function} by logical id, in the order written. */
  Map<String, MappingNode> functions() {
    Map<String, MappingNode> functions = new LinkedHashMap<>();
    for (NodeTuple tuple : section("Resources").orElseThrow().getValue()) {
      if (tuple.getValueNode() instanceof MappingNode resource
          && get(resource, "Type").map(SamTemplate::scalar).orElse("").equals(FUNCTION_TYPE)) {
        functions.put(scalar(tuple.getKeyNode()), resource);
      }
    }
    return functions;
  }

  /** A resource's {@code Type}, or empty. */
  static String type(Node resource) {
    return resource instanceof MappingNode map
        ? get(map, "Type").map(SamTemplate::scalar).orElse("")
        : "";
  }

  /**
   * The {@code AWS::Serverless::Application} whose {@code Location} is {@code location}: its
   * logical id and its {@code Properties}.
   */
  Optional<Map.Entry<String, MappingNode>> application(String location) {
    for (NodeTuple tuple : section("Resources").orElseThrow().getValue()) {
      if (type(tuple.getValueNode()).equals(APPLICATION_TYPE)) {
        Optional<MappingNode> properties =
            mapping((MappingNode) tuple.getValueNode(), "Properties");
        if (properties.isPresent()
            && get(properties.get(), "Location")
                .map(SamTemplate::scalar)
                .orElse("")
                .equals(location)) {
          return Optional.of(Map.entry(scalar(tuple.getKeyNode()), properties.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** The environment variables the template's {@code Globals} give every function. */
  Set<String> globalVariables() {
    return keys(
        mapping(root, "Globals")
            .flatMap(g -> mapping(g, "Function"))
            .flatMap(f -> mapping(f, "Environment"))
            .flatMap(e -> mapping(e, "Variables")));
  }

  /** The keys of a mapping, if there is one. */
  static Set<String> keys(Optional<MappingNode> map) {
    Set<String> keys = new LinkedHashSet<>();
    map.ifPresent(m -> m.getValue().forEach(t -> keys.add(scalar(t.getKeyNode()))));
    return keys;
  }

  static Optional<Node> get(MappingNode map, String key) {
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    return Optional.empty();
  }

  Optional<MappingNode> mapping(MappingNode map, String key) {
    return get(map, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
  }

  static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : "";
  }

  static boolean isFlow(Node node) {
    return node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
  }

  /** The 1-based line where {@code node} starts. */
  int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** The 0-based column of {@code node}'s start: its indentation, for a key or a list's dash. */
  int column(Node node) {
    return node.getStartMark().map(Mark::getColumn).orElse(0);
  }

  /** The indentation of the keys of a block mapping. */
  int keyColumn(MappingNode map) {
    return map.getValue().isEmpty() ? column(map) : column(map.getValue().get(0).getKeyNode());
  }

  /** The column of the dash of a block list's items. */
  int dashColumn(SequenceNode list) {
    Node first = list.getValue().get(0);
    int i = offset(first.getStartMark().orElseThrow()) - 1;
    while (i > 0 && text.text().charAt(i) != '-') {
      i--;
    }
    return text.columnOf(i) - 1;
  }

  /**
   * Where text goes to follow {@code node} in the file: the start of the line after its last value.
   */
  int after(Node node) {
    Node last = node;
    while (true) {
      if (last instanceof MappingNode m && !m.getValue().isEmpty() && !isFlow(m)) {
        last = m.getValue().get(m.getValue().size() - 1).getValueNode();
      } else if (last instanceof SequenceNode s && !s.getValue().isEmpty() && !isFlow(s)) {
        last = s.getValue().get(s.getValue().size() - 1);
      } else {
        break;
      }
    }
    Mark end = last.getEndMark().orElseThrow();
    int offset = offset(end);
    if (end.getColumn() == 0) {
      return offset;
    }
    int lineBreak = text.text().indexOf('\n', offset);
    return lineBreak < 0 ? text.text().length() : lineBreak + 1;
  }

  /**
   * Where a new top-level section goes to stand before {@code key}: the start of the comment lines
   * right above it, or the end of the file when the template has no such key.
   */
  int before(String key) {
    for (NodeTuple tuple : root.getValue()) {
      if (scalar(tuple.getKeyNode()).equals(key)) {
        int line = line(tuple.getKeyNode());
        while (line > 1 && text.isComment(line - 1)) {
          line--;
        }
        return text.lineStart(line);
      }
    }
    return text.text().length();
  }

  private int offset(Mark mark) {
    return text.offset(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
