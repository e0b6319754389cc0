package dev.tracepaper.render.data;

import java.util.List;

/**
 * An enum: a Java enum in the types package and a GraphQL enum.
 *
 * @param name the model name (the GraphQL type)
 * @param javaClass the simple Java class name
 * @param qualifiedClass the fully qualified Java class name
 * @param values the values as written (Java constants and GraphQL values alike)
 * @param description the description, empty when none
 * @param element how the generated file's header names the model element
 */
public record EnumData(
    String name,
    String javaClass,
    String qualifiedClass,
    List<String> values,
    String description,
    String element)
    implements ModelElement {

  public EnumData {
    values = List.copyOf(values);
  }
}
