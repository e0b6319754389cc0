package dev.tracepaper.render.data;

import java.util.List;

/**
 * An older version of an event, in the event's {@code <Event>Versions} class: a record reading the
 * payload as that version stored it, and the step that upcasts it to the next version.
 *
 * @param version the version's number
 * @param recordClass the nested record of its payload ({@code Version1})
 * @param fields its fields, in model order
 * @param step the method upcasting it to the next version ({@code toVersion2})
 * @param nextClass the record of the next version: a nested one, or the event's own record
 * @param nextArguments the Java arguments of {@code nextClass}'s constructor, one per field of the
 *     next version, reading the older record as {@code old}
 * @param conversions the steps building the next version's value-type fields whose older values
 *     have another type, outermost first
 * @param read the Java expression reading a payload {@code payload} of this version as the event's
 *     current record, through every step
 */
public record EventVersionData(
    int version,
    String recordClass,
    List<FieldData> fields,
    String step,
    String nextClass,
    List<String> nextArguments,
    List<UpcastConversionData> conversions,
    String read) {

  public EventVersionData {
    fields = List.copyOf(fields);
    nextArguments = List.copyOf(nextArguments);
    conversions = List.copyOf(conversions);
  }
}
