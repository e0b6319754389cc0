package dev.tracepaper.extend;

import dev.tracepaper.extend.TemplateExtension.Entry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The names a template defines for references to read: its parameters (with their types), its
 * resources, with the serverless ones SAM makes more of ({@code <Function>Role}, {@code
 * <Function>Alias<Name>}, …), and its conditions, with the condition each resource has, if any.
 */
final class TemplateNames {

  private final Map<String, String> parameterTypes = new LinkedHashMap<>();
  private final Set<String> resources = new TreeSet<>();
  private final Set<String> serverless = new TreeSet<>();
  private final Set<String> conditions = new TreeSet<>();
  private final Map<String, String> resourceConditions = new LinkedHashMap<>();

  private TemplateNames() {}

  static TemplateNames of(SamTemplate template) {
    TemplateNames names = new TemplateNames();
    template.section("Parameters").ifPresent(names::parameters);
    template.section("Resources").ifPresent(names::resources);
    names.conditions.addAll(template.names("Conditions").keySet());
    return names;
  }

  /** The names of the root template once the extension's sections are added to it. */
  static TemplateNames of(SamTemplate root, TemplateExtension extension) {
    TemplateNames names = of(root);
    Map<String, List<Entry>> sections = extension.sections();
    for (Entry entry : sections.getOrDefault("Parameters", List.of())) {
      names.parameterTypes.put(entry.name(), "String");
      mapping(entry).ifPresent(names::parameters);
    }
    for (Entry entry : sections.getOrDefault("Resources", List.of())) {
      names.resources.add(entry.name());
      mapping(entry).ifPresent(names::resources);
    }
    sections.getOrDefault("Conditions", List.of()).forEach(e -> names.conditions.add(e.name()));
    return names;
  }

  private static Optional<MappingNode> mapping(Entry entry) {
    return SamTemplate.compose(entry.block().indented(0))
        .filter(MappingNode.class::isInstance)
        .map(MappingNode.class::cast);
  }

  private void parameters(MappingNode section) {
    for (NodeTuple tuple : section.getValue()) {
      String type =
          tuple.getValueNode() instanceof MappingNode parameter
              ? SamTemplate.get(parameter, "Type").map(SamTemplate::scalar).orElse("String")
              : "String";
      parameterTypes.put(SamTemplate.scalar(tuple.getKeyNode()), type);
    }
  }

  private void resources(MappingNode section) {
    for (NodeTuple tuple : section.getValue()) {
      String id = SamTemplate.scalar(tuple.getKeyNode());
      resources.add(id);
      if (SamTemplate.type(tuple.getValueNode()).startsWith("AWS::Serverless::")) {
        serverless.add(id);
      }
      if (tuple.getValueNode() instanceof MappingNode resource) {
        SamTemplate.get(resource, "Condition")
            .map(SamTemplate::scalar)
            .ifPresent(condition -> resourceConditions.put(id, condition));
      }
    }
  }

  boolean hasResource(String name) {
    return resources.contains(name) || serverless.stream().anyMatch(name::startsWith);
  }

  /**
   * The condition a resource exists under, if it has one; a resource SAM makes of a serverless one
   * ({@code <Function>Role}) has its condition.
   */
  Optional<String> condition(String resource) {
    if (resourceConditions.containsKey(resource)) {
      return Optional.of(resourceConditions.get(resource));
    }
    return serverless.stream()
        .filter(resource::startsWith)
        .map(resourceConditions::get)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  boolean hasParameter(String name) {
    return parameterTypes.containsKey(name);
  }

  /**
   * The parameter's {@code Type} ({@code String} when it has none that can be read), or null for a
   * name that is no parameter.
   */
  String type(String parameter) {
    return parameterTypes.get(parameter);
  }

  boolean hasCondition(String name) {
    return conditions.contains(name);
  }

  Set<String> conditions() {
    return conditions;
  }

  /** What {@code GetAtt} ({@code resourcesOnly}) or {@code Ref} can read, for hints. */
  Set<String> readable(boolean resourcesOnly) {
    Set<String> all = new TreeSet<>(resources);
    if (!resourcesOnly) {
      all.addAll(parameterTypes.keySet());
    }
    return all;
  }
}
