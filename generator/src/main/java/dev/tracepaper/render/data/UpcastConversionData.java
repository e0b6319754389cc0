package dev.tracepaper.render.data;

import java.util.List;

/**
 * A step of an event's older version that builds one value-type field of the next version from the
 * older value: {@code shipTo} of version 1 ({@code AddressV1}) as version 2 holds it ({@code
 * Address}), its fields copied, computed by {@code upcast} lines, or converted in turn.
 *
 * @param method the static method's name ({@code toVersion2ShipTo})
 * @param path the field's dotted path in the model ({@code shipTo})
 * @param oldClass the Java class of the older value, the method's parameter {@code old}
 * @param newClass the Java class it builds
 * @param arguments the Java arguments of {@code newClass}'s constructor, reading {@code old}
 */
public record UpcastConversionData(
    String method, String path, String oldClass, String newClass, List<String> arguments) {

  public UpcastConversionData {
    arguments = List.copyOf(arguments);
  }
}
