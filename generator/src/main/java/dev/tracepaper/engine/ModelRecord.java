package dev.tracepaper.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;
import dev.cel.common.values.StructValue;
import dev.tracepaper.expr.ModelStruct;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A state, input, event, entity, type or view row as CEL sees it while the engine runs the model.
 * It reads as the generated record does: a field without a value selects as {@code null} (the
 * record's null component) and {@code has()} of it is false; a field that always holds a value (a
 * number or boolean of an event, see {@link ModelStruct#alwaysHolds}) is kept filled by {@link
 * CelValues}. CEL's map semantics would instead fail on any absent field.
 */
final class ModelRecord extends StructValue<String, Map<String, Object>> {

  private final ModelStruct struct;
  private final Map<String, Object> fields;

  ModelRecord(ModelStruct struct, Map<String, Object> fields) {
    this.struct = struct;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  ModelStruct struct() {
    return struct;
  }

  @Override
  public Map<String, Object> value() {
    return fields;
  }

  @Override
  public boolean isZeroValue() {
    return fields.isEmpty();
  }

  @Override
  public CelType celType() {
    return struct.celType();
  }

  @Override
  public Object select(String field) {
    Object value = fields.get(field);
    return value == null ? NullValue.NULL_VALUE : value;
  }

  @Override
  public Optional<Object> find(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelRecord r
        && r.struct.celType().name().equals(struct.celType().name())
        && r.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return struct.name() + fields;
  }
}
