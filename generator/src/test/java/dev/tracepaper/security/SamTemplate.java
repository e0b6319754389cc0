package dev.tracepaper.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A SAM template read as plain values: maps, lists and strings. SnakeYAML Engine composes nodes
 * without constructing them, so CloudFormation's short-form intrinsics ({@code !Ref}, {@code
 * !GetAtt}, {@code !Sub}) need no constructor; each becomes a {@link Intrinsic} holding its tag and
 * its (scalar) argument, which is all a policy's {@code Resource} uses.
 */
final class SamTemplate {

  /** {@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub "..."}: the function and its argument. */
  record Intrinsic(String function, Object argument) {

    /**
     * The logical id an intrinsic names: {@code Ref}'s argument up to a dot ({@code X.Alias}),
     * {@code GetAtt}'s up to the attribute, and a {@code Sub}'s first reference.
     */
    String logicalId() {
      String text = String.valueOf(argument);
      if (function.equals("Sub")) {
        int start = text.indexOf("${");
        text = start < 0 ? text : text.substring(start + 2, text.indexOf('}', start));
      }
      int dot = text.indexOf('.');
      return dot < 0 ? text : text.substring(0, dot);
    }
  }

  private final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static SamTemplate parse(String yaml) {
    Optional<Node> node = new Compose(LoadSettings.builder().build()).composeString(yaml);
    return new SamTemplate((Map<String, Object>) value(node.orElseThrow()));
  }

  /** The resources by logical id. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) root.get("Resources");
  }

  private static Object value(Node node) {
    Object plain;
    if (node instanceof ScalarNode scalar) {
      plain = scalar.getValue();
    } else if (node instanceof SequenceNode sequence) {
      List<Object> items = new ArrayList<>();
      sequence.getValue().forEach(item -> items.add(value(item)));
      plain = items;
    } else if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        map.put(((ScalarNode) tuple.getKeyNode()).getValue(), value(tuple.getValueNode()));
      }
      plain = map;
    } else {
      throw new IllegalArgumentException("unexpected YAML node " + node);
    }
    String tag = node.getTag().getValue();
    if (tag.startsWith("!") && !tag.startsWith(Tag.PREFIX)) {
      return new Intrinsic(tag.substring(1), plain);
    }
    return plain;
  }
}
