package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import java.util.Optional;
import java.util.Set;

/**
 * Model types as Java and GraphQL types (the table in docs/model-reference.md), and the classes a
 * Java type needs imported.
 */
final class TypeMapping {

  private final ModelIndex index;
  private final JavaNames names;

  TypeMapping(ModelIndex index, JavaNames names) {
    this.index = index;
    this.names = names;
  }

  ModelIndex.TypeKind kind(TypeRef ref, Optional<Aggregate> owner) {
    return index.kindOf(ref, owner);
  }

  /**
   * The Java type; {@code boxed} asks for {@code Long} rather than {@code long} (absent values).
   */
  String java(TypeRef ref, Optional<Aggregate> owner, boolean boxed) {
    String element = element(ref, owner, boxed || ref.list());
    return ref.list() ? "List<" + element + ">" : element;
  }

  private String element(TypeRef ref, Optional<Aggregate> owner, boolean boxed) {
    Optional<BuiltinType> builtin = ref.builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case String, Email, Url -> "String";
        case Int -> boxed ? "Long" : "long";
        case Float -> boxed ? "Double" : "double";
        case Boolean -> boxed ? "Boolean" : "boolean";
        case Date -> "LocalDate";
        case DateTime -> "Instant";
        case Json -> "JsonNode";
      };
    }
    return javaClass(ref, owner).simpleName();
  }

  /** The generated class of an enum, type or entity. */
  JavaName javaClass(TypeRef ref, Optional<Aggregate> owner) {
    return switch (kind(ref, owner)) {
      case ENUM -> names.enumType(ref.name());
      case TYPE -> names.type(ref.name());
      case ENTITY -> names.entity(owner.orElseThrow().name(), ref.name());
      default -> throw new IllegalStateException("no Java class for the type " + ref);
    };
  }

  /**
   * The generated record of a model struct that can write itself as JSON ({@code toJson}): a type,
   * an entity, a state, an event or a view's row; a command's input and the caller cannot.
   */
  Optional<JavaName> recordWithJson(dev.tracepaper.expr.ModelStruct struct) {
    String owner = struct.owner().map(Aggregate::name).orElse("");
    return switch (struct.kind()) {
      case "type" -> Optional.of(names.type(struct.name()));
      case "entity" -> Optional.of(names.entity(owner, struct.name()));
      case "state" -> Optional.of(names.state(struct.name()));
      case "event" -> Optional.of(names.event(owner, struct.name()));
      case "view" -> Optional.of(names.viewRow(struct.name()));
      default -> Optional.empty();
    };
  }

  /** Adds the classes the Java type names by simple name to {@code imports}. */
  void addImports(TypeRef ref, Optional<Aggregate> owner, Set<String> imports) {
    if (ref.list()) {
      imports.add("java.util.List");
    }
    Optional<BuiltinType> builtin = ref.builtin();
    if (builtin.isPresent()) {
      switch (builtin.get()) {
        case Date -> imports.add("java.time.LocalDate");
        case DateTime -> imports.add("java.time.Instant");
        case Json -> imports.add("com.fasterxml.jackson.databind.JsonNode");
        default -> {}
      }
      return;
    }
    imports.add(javaClass(ref, owner).qualified());
  }

  /** The GraphQL type of an output field; list elements are never null. */
  String graphql(TypeRef ref, Optional<Aggregate> owner, boolean nonNull, boolean input) {
    String element = graphqlElement(ref, owner, input);
    String type = ref.list() ? "[" + element + "!]" : element;
    return nonNull ? type + "!" : type;
  }

  private String graphqlElement(TypeRef ref, Optional<Aggregate> owner, boolean input) {
    Optional<BuiltinType> builtin = ref.builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case String -> "String";
        case Int -> "Int";
        case Float -> "Float";
        case Boolean -> "Boolean";
        case Date -> "AWSDate";
        case DateTime -> "AWSDateTime";
        case Email -> "AWSEmail";
        case Url -> "AWSURL";
        case Json -> "AWSJSON";
      };
    }
    return switch (kind(ref, owner)) {
      case ENUM -> GraphQlNames.enumType(ref.name());
      case TYPE, ENTITY ->
          input ? GraphQlNames.inputType(ref.name()) : GraphQlNames.objectType(ref.name());
      default -> GraphQlNames.objectType(ref.name());
    };
  }
}
