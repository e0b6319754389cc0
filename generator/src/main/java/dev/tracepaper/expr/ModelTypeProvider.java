package dev.tracepaper.expr;

import com.google.common.collect.ImmutableSet;
import dev.cel.checker.TypeProvider;
import dev.cel.common.types.CelProtoTypes;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.expr.Type;
import java.util.Optional;

/**
 * Answers the checker's questions about the model's struct types: which fields they have and of
 * what type.
 */
final class ModelTypeProvider implements TypeProvider {

  private final ModelTypes types;

  ModelTypeProvider(ModelTypes types) {
    this.types = types;
  }

  ModelTypes types() {
    return types;
  }

  @Override
  public Type lookupType(String typeName) {
    return lookupCelType(typeName).map(CelProtoTypes::celTypeToType).orElse(null);
  }

  /** Only internal names resolve, and no CEL identifier can spell one (they hold a colon). */
  @Override
  public Optional<CelType> lookupCelType(String typeName) {
    return types.struct(typeName).map(s -> TypeType.create(s.celType()));
  }

  @Override
  public Integer lookupEnumValue(String enumName) {
    return null;
  }

  @Override
  public FieldType lookupFieldType(Type type, String fieldName) {
    return lookupFieldType(CelProtoTypes.typeToCelType(type), fieldName);
  }

  @Override
  public FieldType lookupFieldType(CelType type, String fieldName) {
    return types
        .struct(type.name())
        .flatMap(s -> s.celType().findField(fieldName))
        .map(f -> (FieldType) new ModelFieldType(f.type()))
        .orElse(null);
  }

  /** Hands the checker the field's CEL type as it is, without a round trip through protobuf. */
  private static final class ModelFieldType extends FieldType {
    private final CelType type;

    ModelFieldType(CelType type) {
      this.type = type;
    }

    @Override
    public Type type() {
      return CelProtoTypes.celTypeToType(type);
    }

    @Override
    public CelType celType() {
      return type;
    }
  }

  @Override
  public ImmutableSet<String> lookupFieldNames(Type type) {
    return types
        .struct(CelProtoTypes.typeToCelType(type).name())
        .map(s -> ImmutableSet.copyOf(s.fieldNames()))
        .orElse(ImmutableSet.of());
  }

  @Override
  public ExtensionFieldType lookupExtensionType(String extensionName) {
    return null;
  }
}
