package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A command's input as the API sent it, read field by field: every value of the wrong kind and
 * every broken constraint is collected, so that one {@code VALIDATION} error names them all ({@link
 * #throwIfInvalid}). Readers give {@code null} for an absent field; checks pass over {@code null}
 * values, which only {@link #required} refuses. A field the record does not read is not one of its
 * fields, and is refused too: input that would be silently dropped is a client's mistake (or a
 * probe), not data.
 */
public final class Input {

  /**
   * The most characters a text field without a {@code maxLength} may hold (each element, for a list
   * of texts): the generated checks apply it, so that no single field can fill an event. The whole
   * request is bounded too ({@link AppSyncRequest#MAX_REQUEST_BYTES}).
   */
  public static final int MAX_TEXT_LENGTH = 10_000;

  private final JsonNode json;
  private final String path;
  private final List<FieldError> errors;
  private final Set<String> read = new HashSet<>();

  private Input(JsonNode json, String path, List<FieldError> errors) {
    this.json = json;
    this.path = path;
    this.errors = errors;
  }

  /** The input object of a request ({@code arguments.input}). */
  public static Input of(JsonNode json) {
    return new Input(json, "", new ArrayList<>());
  }

  /** Throws one {@code VALIDATION} error naming every failure found so far, if any. */
  public void throwIfInvalid() {
    refuseUnreadFields();
    if (!errors.isEmpty()) {
      throw CommandError.validation(List.copyOf(errors));
    }
  }

  private void fail(String field, String message) {
    errors.add(new FieldError(path + field, message));
  }

  /** Every field of the JSON object that no reader asked for, in the order sent. */
  private void refuseUnreadFields() {
    if (json == null) {
      return;
    }
    for (var field : json.properties()) {
      if (!read.contains(field.getKey())) {
        fail(field.getKey(), "is not a field of this input");
      }
    }
  }

  private JsonNode value(String field) {
    read.add(field);
    JsonNode value = json == null ? null : json.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public String text(String field) {
    return read(field, value(field), this::textOf);
  }

  public Long integer(String field) {
    return read(field, value(field), this::integerOf);
  }

  public Double decimal(String field) {
    return read(field, value(field), this::decimalOf);
  }

  public Boolean bool(String field) {
    return read(field, value(field), this::boolOf);
  }

  public LocalDate date(String field) {
    return read(field, value(field), this::dateOf);
  }

  public Instant dateTime(String field) {
    return read(field, value(field), this::dateTimeOf);
  }

  /** An {@code AWSJSON} value, as the JSON value it is ({@link #jsonOf}). */
  public JsonNode json(String field) {
    return read(field, value(field), this::jsonOf);
  }

  public <T> T enumValue(String field, Function<String, T> valueOf) {
    return read(field, value(field), (name, node) -> enumOf(name, node, valueOf));
  }

  public <T> T object(String field, Function<Input, T> reader) {
    return read(field, value(field), (name, node) -> objectOf(name, node, reader));
  }

  public List<String> texts(String field) {
    return list(field, this::textOf);
  }

  public List<Long> integers(String field) {
    return list(field, this::integerOf);
  }

  public List<Double> decimals(String field) {
    return list(field, this::decimalOf);
  }

  public List<Boolean> bools(String field) {
    return list(field, this::boolOf);
  }

  public List<LocalDate> dates(String field) {
    return list(field, this::dateOf);
  }

  public List<Instant> dateTimes(String field) {
    return list(field, this::dateTimeOf);
  }

  public List<JsonNode> jsons(String field) {
    return list(field, this::jsonOf);
  }

  public <T> List<T> enums(String field, Function<String, T> valueOf) {
    return list(field, (name, node) -> enumOf(name, node, valueOf));
  }

  public <T> List<T> objects(String field, Function<Input, T> reader) {
    return list(field, (name, node) -> objectOf(name, node, reader));
  }

  /** Reads one value; a value of the wrong kind is recorded as a failure and reads as null. */
  private interface Reader<T> {
    T read(String name, JsonNode value) throws WrongValue;
  }

  /** A value of the wrong kind, with what the field expected. */
  private static final class WrongValue extends Exception {
    private static final long serialVersionUID = 1L;

    WrongValue(String expected) {
      super(expected, null, false, false);
    }
  }

  private <T> T read(String name, JsonNode value, Reader<T> reader) {
    if (value == null) {
      return null;
    }
    try {
      return reader.read(name, value);
    } catch (WrongValue e) {
      fail(name, e.getMessage());
      return null;
    }
  }

  private <T> List<T> list(String field, Reader<T> reader) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      fail(field, "must be a list");
      return null;
    }
    List<T> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      items.add(read(field + "[" + i + "]", value.get(i), reader));
    }
    return Collections.unmodifiableList(items);
  }

  private String textOf(String name, JsonNode value) throws WrongValue {
    if (!value.isTextual()) {
      throw new WrongValue("must be text");
    }
    String text = value.asText();
    if (hasLoneSurrogate(text)) {
      // UTF-8 cannot encode it: DynamoDB would store a replacement character instead.
      throw new WrongValue("must be valid Unicode text (it holds a lone surrogate)");
    }
    return text;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private Long integerOf(String name, JsonNode value) throws WrongValue {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new WrongValue("must be a whole number");
    }
    return value.longValue();
  }

  private Double decimalOf(String name, JsonNode value) throws WrongValue {
    if (!value.isNumber()) {
      throw new WrongValue("must be a number");
    }
    return value.doubleValue();
  }

  private Boolean boolOf(String name, JsonNode value) throws WrongValue {
    if (!value.isBoolean()) {
      throw new WrongValue("must be true or false");
    }
    return value.booleanValue();
  }

  private LocalDate dateOf(String name, JsonNode value) throws WrongValue {
    try {
      return AwsScalars.date(textOf(name, value));
    } catch (DateTimeParseException e) {
      throw new WrongValue("must be a date such as 2030-01-31 or 2030-01-31+05:30");
    }
  }

  private Instant dateTimeOf(String name, JsonNode value) throws WrongValue {
    try {
      return AwsScalars.dateTime(textOf(name, value));
    } catch (DateTimeParseException e) {
      throw new WrongValue(
          "must be a date and time with an offset, such as 2030-01-31T09:30Z or"
              + " 2030-01-31T09:30:00.5+01:00");
    }
  }

  /**
   * AppSync parses an {@code AWSJSON} argument before it invokes the handler, so the value arrives
   * as the JSON it is: a JSON string is text, never JSON text to parse again.
   */
  private JsonNode jsonOf(String name, JsonNode value) {
    return value;
  }

  private <T> T enumOf(String name, JsonNode value, Function<String, T> valueOf) throws WrongValue {
    try {
      return valueOf.apply(textOf(name, value));
    } catch (IllegalArgumentException e) {
      throw new WrongValue("is not one of the allowed values");
    }
  }

  private <T> T objectOf(String name, JsonNode value, Function<Input, T> reader) throws WrongValue {
    if (!value.isObject()) {
      throw new WrongValue("must be an object");
    }
    Input nested = new Input(value, path + name + ".", errors);
    T object = reader.apply(nested);
    nested.refuseUnreadFields();
    return object;
  }

  public void required(String field, Object value) {
    if (value == null && errors.stream().noneMatch(e -> e.field().equals(path + field))) {
      fail(field, "is required");
    }
  }

  public void pattern(String field, String value, Pattern pattern, String patternName) {
    if (value != null && !pattern.matcher(value).find()) {
      fail(field, "does not have the form " + patternName + " asks for");
    }
  }

  public void minLength(String field, String value, long length) {
    if (value != null && value.codePointCount(0, value.length()) < length) {
      fail(field, "must be at least " + length + " characters long");
    }
  }

  public void maxLength(String field, String value, long length) {
    if (value != null && value.codePointCount(0, value.length()) > length) {
      fail(field, "must be at most " + length + " characters long");
    }
  }

  /** {@link #maxLength} for each text of a list, named by its index. */
  public void maxLengthOfEach(String field, List<String> values, long length) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        maxLength(field + "[" + i + "]", values.get(i), length);
      }
    }
  }

  public void minItems(String field, List<?> value, long count) {
    if (value != null && value.size() < count) {
      fail(field, "must have at least " + count + " items");
    }
  }

  public void maxItems(String field, List<?> value, long count) {
    if (value != null && value.size() > count) {
      fail(field, "must have at most " + count + " items");
    }
  }

  public void min(String field, Long value, long min) {
    if (value != null && value < min) {
      fail(field, "must be at least " + min);
    }
  }

  public void max(String field, Long value, long max) {
    if (value != null && value > max) {
      fail(field, "must be at most " + max);
    }
  }

  public void min(String field, Double value, double min) {
    if (value != null && value < min) {
      fail(field, "must be at least " + BigDecimal.valueOf(min).toPlainString());
    }
  }

  public void max(String field, Double value, double max) {
    if (value != null && value > max) {
      fail(field, "must be at most " + BigDecimal.valueOf(max).toPlainString());
    }
  }
}
