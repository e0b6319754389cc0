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
public final class SamTemplate {

  /** {@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub "..."}: the function and its argument. */
  public record Intrinsic(String function, Object argument) {

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
  public static SamTemplate parse(String yaml) {
    Optional<Node> node = new Compose(LoadSettings.builder().build()).composeString(yaml);
    return new SamTemplate((Map<String, Object>) value(node.orElseThrow()));
  }

  /**
   * A root template with its nested stacks ({@code AWS::Serverless::Application} with a local
   * {@code Location}) put in place: each nested stack's resources join the root's, its parameters
   * replaced by the values the root passes, and the root's {@code !GetAtt X.Outputs.Y} by the value
   * of the output. So a test reads one template, whichever stack a resource is in, and sees every
   * reference as it would be in a single stack. Refuses a logical id two stacks share.
   *
   * @param nested each nested template's text by its {@code Location}
   */
  @SuppressWarnings("unchecked")
  public static SamTemplate flattened(String root, Map<String, String> nested) {
    SamTemplate template = parse(root);
    Map<String, Map<String, Object>> resources = new LinkedHashMap<>(template.resources());
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> resource : template.resources().entrySet()) {
      if (!"AWS::Serverless::Application".equals(resource.getValue().get("Type"))) {
        continue;
      }
      resources.remove(resource.getKey());
      Map<String, Object> properties = (Map<String, Object>) resource.getValue().get("Properties");
      String location = (String) properties.get("Location");
      Map<String, Object> parameters =
          (Map<String, Object>) properties.getOrDefault("Parameters", Map.of());
      SamTemplate stack = parse(nested.get(location));
      Map<String, Object> substituted =
          (Map<String, Object>) substitute(stack.root, parameters, Map.of());
      Map<String, Map<String, Object>> own =
          (Map<String, Map<String, Object>>) substituted.get("Resources");
      for (Map.Entry<String, Map<String, Object>> inner : own.entrySet()) {
        if (resources.put(inner.getKey(), inner.getValue()) != null) {
          throw new AssertionError("two stacks hold the logical id " + inner.getKey());
        }
      }
      Map<String, Map<String, Object>> stackOutputs =
          (Map<String, Map<String, Object>>) substituted.getOrDefault("Outputs", Map.of());
      stackOutputs.forEach(
          (name, output) ->
              outputs.put(resource.getKey() + ".Outputs." + name, output.get("Value")));
    }
    Map<String, Object> flat = new LinkedHashMap<>(template.root);
    flat.put("Resources", resources);
    return new SamTemplate((Map<String, Object>) substitute(flat, Map.of(), outputs));
  }

  /**
   * A copy of {@code value} with {@code !Ref P} of a parameter replaced by its value ({@code ${P}}
   * in a {@code !Sub} by the name the value refers to) and {@code !GetAtt S.Outputs.O} by the
   * output's value.
   */
  private static Object substitute(
      Object value, Map<String, Object> parameters, Map<String, Object> outputs) {
    if (value instanceof Intrinsic intrinsic) {
      String argument = String.valueOf(intrinsic.argument());
      if (intrinsic.function().equals("Ref") && parameters.containsKey(argument)) {
        return parameters.get(argument);
      }
      if (intrinsic.function().equals("GetAtt") && outputs.containsKey(argument)) {
        return outputs.get(argument);
      }
      if (intrinsic.function().equals("Sub")) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
          if (parameter.getValue() instanceof Intrinsic ref && ref.function().equals("Ref")) {
            argument =
                argument.replace("${" + parameter.getKey() + "}", "${" + ref.argument() + "}");
          }
        }
        return new Intrinsic("Sub", argument);
      }
      return new Intrinsic(
          intrinsic.function(), substitute(intrinsic.argument(), parameters, outputs));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, substitute(v, parameters, outputs)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(substitute(item, parameters, outputs)));
      return copy;
    }
    return value;
  }

  /** The resources by logical id. */
  /** A top-level section ({@code Parameters}, {@code Outputs}, {@code Globals}); empty if none. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> section(String name) {
    return (Map<String, Object>) root.getOrDefault(name, Map.of());
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources() {
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
