package dev.tracepaper.render.data;

import java.util.List;

/**
 * A value type or an entity: a Java record and a GraphQL object and input type.
 *
 * @param name the model name (GraphQL object type)
 * @param inputName the GraphQL input type
 * @param javaClass the simple Java class name
 * @param javaPackage the Java package
 * @param fields the fields, in model order
 * @param description the description, empty when none
 * @param element how the generated file's header names the model element
 * @param inputChecks Java statements checking an input value's constraints (see {@link
 *     CommandData#inputChecks()})
 */
public record RecordData(
    String name,
    String inputName,
    String javaClass,
    String javaPackage,
    List<FieldData> fields,
    String description,
    String element,
    List<String> inputChecks) {

  public RecordData {
    fields = List.copyOf(fields);
    inputChecks = List.copyOf(inputChecks);
  }
}
