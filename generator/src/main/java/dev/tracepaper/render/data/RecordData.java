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
 * @param constants Java constants the input checks use (compiled patterns)
 * @param inputReads Java statements reading the fields from API input (see {@link
 *     CommandData#inputReads()})
 * @param inputChecks Java statements checking an input value's constraints
 * @param imports the classes its source file imports, sorted
 * @param olderEventsOnly a type only older versions of events name ({@code AddressV1}): a Java
 *     record their upcasts read, but no GraphQL type, since nothing in the API holds it
 */
public record RecordData(
    String name,
    String inputName,
    String javaClass,
    String javaPackage,
    List<FieldData> fields,
    String description,
    String element,
    List<String> constants,
    List<String> inputReads,
    List<String> inputChecks,
    List<String> imports,
    boolean olderEventsOnly)
    implements ModelElement {

  public RecordData {
    fields = List.copyOf(fields);
    constants = List.copyOf(constants);
    inputReads = List.copyOf(inputReads);
    inputChecks = List.copyOf(inputChecks);
    imports = List.copyOf(imports);
  }
}
