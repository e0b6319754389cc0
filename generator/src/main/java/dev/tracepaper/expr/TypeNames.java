package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names CEL types in the model's words: Int, Float, DateTime, [Loan], … */
public final class TypeNames {

  private static final Pattern STRUCT_NAME =
      Pattern.compile("tracepaper:[a-z]+:(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)(#\\d+)?");
  private static final Pattern SIMPLE_NAME =
      Pattern.compile("\\b(int|uint|double|string|bool|bytes|null_type|dyn)\\b");

  private TypeNames() {}

  public static String describe(CelType type) {
    return switch (type.kind()) {
      case STRING -> "String";
      case INT -> "Int";
      case UINT -> "unsigned Int";
      case DOUBLE -> "Float";
      case BOOL -> "Boolean";
      case TIMESTAMP -> "DateTime";
      case DURATION -> "Duration";
      case BYTES -> "Bytes";
      case NULL_TYPE -> "null";
      case DYN, ANY, TYPE_PARAM, UNSPECIFIED -> "any value";
      case ERROR -> "an unknown type";
      case TYPE -> "a type";
      case LIST -> "[" + describe(((ListType) type).elemType()) + "]";
      case MAP ->
          "map(%s, %s)"
              .formatted(
                  describe(((MapType) type).keyType()), describe(((MapType) type).valueType()));
      case STRUCT -> structName(type.name());
      case OPAQUE -> type.name();
    };
  }

  /** The model name inside an internal struct type name; other names unchanged. */
  static String structName(String celName) {
    Matcher m = STRUCT_NAME.matcher(celName);
    return m.matches() ? m.group(1) : celName;
  }

  /** Rewrites CEL type names inside one of CEL's own messages. */
  static String inMessage(String message) {
    String text = STRUCT_NAME.matcher(message).replaceAll("$1");
    text = text.replace("google.protobuf.Timestamp", "DateTime");
    text = text.replace("google.protobuf.Duration", "Duration");
    Matcher m = SIMPLE_NAME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, simple(m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String simple(String celName) {
    return switch (celName) {
      case "int" -> "Int";
      case "uint" -> "unsigned Int";
      case "double" -> "Float";
      case "string" -> "String";
      case "bool" -> "Boolean";
      case "bytes" -> "Bytes";
      case "null_type" -> "null";
      default -> "any value";
    };
  }
}
