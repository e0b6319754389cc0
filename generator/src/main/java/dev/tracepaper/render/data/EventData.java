package dev.tracepaper.render.data;

import dev.tracepaper.naming.JavaNames;
import java.util.List;

/**
 * An event: a record implementing its aggregate's sealed event interface, and how it changes state.
 *
 * @param name the model name, also the stored type and the EventBridge detail-type
 * @param javaClass the record's simple name
 * @param fields the fields, in model order
 * @param endsInstance whether its {@code apply} holds {@code deleted: true}
 * @param newState the Java arguments of the state's constructor after the event, one per state
 *     field in order, reading the old state as {@code this} and the event as {@code event}
 * @param imports the classes the {@code newState} code names by simple name
 * @param checks Java statements checking the constraints of the event's fields on the record {@code
 *     event} with the runtime's {@code Input} {@code input}; empty when the fields have none
 * @param checkConstants the constants the checks use (compiled patterns)
 * @param description the description, empty when none
 * @param element how generated file headers name it
 * @param version the version this model writes ({@code schemaVersion} of its stored events)
 * @param storedNames the type names its stored events may carry: its name, then the names it was
 *     {@code renamedFrom}
 * @param versionsClass the class upcasting its older versions ({@code BookLentVersions}), or ""
 *     when it has none
 * @param versions its older versions, oldest first
 * @param versionsImports the classes {@code versionsClass} names by simple name
 */
public record EventData(
    String name,
    String javaClass,
    List<FieldData> fields,
    boolean endsInstance,
    List<String> newState,
    List<String> imports,
    List<String> checks,
    List<String> checkConstants,
    String description,
    String element,
    int version,
    List<String> storedNames,
    String versionsClass,
    List<EventVersionData> versions,
    List<String> versionsImports)
    implements ModelElement {

  public EventData {
    fields = List.copyOf(fields);
    newState = List.copyOf(newState);
    imports = List.copyOf(imports);
    checks = List.copyOf(checks);
    checkConstants = List.copyOf(checkConstants);
    storedNames = List.copyOf(storedNames);
    versions = List.copyOf(versions);
    versionsImports = List.copyOf(versionsImports);
  }

  /**
   * The variable a {@code switch} over the aggregate's events binds it to: {@code bookLent}, and
   * for an event {@code New}, {@code new_}.
   */
  public String variable() {
    return JavaNames.local(javaClass);
  }
}
