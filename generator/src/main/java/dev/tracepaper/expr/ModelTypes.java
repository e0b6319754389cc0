package dev.tracepaper.expr;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL types of one model. Scalars map to CEL's own types, enums to {@code string} (their values
 * are written as string literals), {@code Date} to an opaque type of its own, {@code Json} to
 * {@code dyn}, and every state, command input, event, entity, type and view row to a struct type
 * with its fields. Struct types are made on first use and their fields resolved lazily, so types
 * that refer to each other need no ordering.
 */
public final class ModelTypes {

  /** The model's {@code Date}: a calendar day, comparable with other Dates. */
  public static final CelType DATE = OpaqueType.create("Date");

  /**
   * Internal struct names hold a colon, which no CEL identifier can, so a modeller can neither
   * construct these types nor collide with them.
   */
  private static final String PREFIX = "tracepaper:";

  private static final Object USER_KEY = new Object();
  private static final List<Field> USER_FIELDS =
      List.of(
          field("id", "String", false),
          field("name", "String", false),
          field("roles", "String", true));

  private final ModelIndex index;
  private final Map<Object, ModelStruct> byElement = new IdentityHashMap<>();
  private final Map<String, ModelStruct> byCelName = new ConcurrentHashMap<>();
  private final Map<String, Integer> namesGiven = new HashMap<>();

  public ModelTypes(ModelIndex index) {
    this.index = index;
  }

  public ModelIndex index() {
    return index;
  }

  public CelType state(Aggregate aggregate) {
    return struct(
            aggregate,
            "state",
            aggregate.name(),
            "the state of `%s`".formatted(aggregate.name()),
            aggregate.fields(),
            Optional.of(aggregate))
        .celType();
  }

  public CelType input(Command command) {
    return struct(
            command,
            "command",
            command.name(),
            "command `%s`".formatted(command.name()),
            command.fields(),
            index.aggregate(command.aggregate()))
        .celType();
  }

  public CelType event(Event event) {
    return struct(
            event,
            "event",
            event.name(),
            "event `%s`".formatted(event.name()),
            event.fields(),
            index.aggregate(event.aggregate()))
        .celType();
  }

  /** An event as an older version of the model stored it: {@code old} in its {@code upcast}. */
  public CelType olderEvent(Event event, EventVersion version) {
    return struct(
            version,
            "eventVersion",
            event.name() + "@" + version.version(),
            "version %d of event `%s`".formatted(version.version(), event.name()),
            version.fields(),
            index.aggregate(event.aggregate()))
        .celType();
  }

  public CelType row(View view) {
    return struct(
            view,
            "view",
            view.name(),
            "a row of view `%s`".formatted(view.name()),
            view.fields(),
            Optional.empty())
        .celType();
  }

  /**
   * The arguments of a query, {@code args} in its {@code auth}: the key of a {@code get}, the
   * indexed field of an index query, none for a {@code list}.
   */
  public CelType arguments(View view, Query query) {
    List<Field> arguments =
        switch (query.kind()) {
          case GET -> index.viewKey(view).flatMap(view::field).stream().toList();
          case INDEX -> query.index().flatMap(i -> view.field(i.value())).stream().toList();
          case LIST -> List.of();
        };
    return struct(
            query,
            "args",
            view.name() + "." + query.name(),
            "`args` of query `%s` of view `%s`".formatted(query.name(), view.name()),
            arguments,
            Optional.empty())
        .celType();
  }

  /** The caller: {@code user.id}, {@code user.name} and {@code user.roles}. */
  public CelType user() {
    return struct(USER_KEY, "user", "user", "`user`", USER_FIELDS, Optional.empty()).celType();
  }

  /** The CEL type of a model type as seen from {@code owner}; unknown names become {@code dyn}. */
  public CelType of(TypeRef ref, Optional<Aggregate> owner) {
    CelType element = element(ref, owner);
    return ref.list() ? ListType.create(element) : element;
  }

  /** The model's value types by name: what an object literal {@code Address{...}} builds. */
  Map<String, CelType> valueTypes() {
    Map<String, CelType> all = new LinkedHashMap<>();
    for (TypeDef type : index.model().types()) {
      // The one the index keeps, as field types resolve it, should the model name a type twice.
      index
          .type(type.name())
          .ifPresent(t -> all.put(t.name(), typeDef(t, "type", Optional.empty())));
    }
    return all;
  }

  /**
   * The entities of {@code owner} by name, which its expressions may build too; a value type of the
   * same name hides one, as it does in field types ({@link ModelIndex#kindOf}).
   */
  Map<String, CelType> entities(Optional<Aggregate> owner) {
    if (owner.isEmpty() || owner.get().entities().isEmpty()) {
      return Map.of();
    }
    Map<String, CelType> all = new LinkedHashMap<>();
    for (TypeDef entity : owner.get().entities()) {
      if (index.type(entity.name()).isEmpty()) {
        all.put(entity.name(), typeDef(entity, "entity", owner));
      }
    }
    return all;
  }

  /** The model struct behind a CEL type, if it is one. */
  public Optional<ModelStruct> struct(CelType type) {
    return Optional.ofNullable(byCelName.get(type.name()));
  }

  /** The model struct behind a CEL type's name. */
  public Optional<ModelStruct> struct(String celName) {
    return Optional.ofNullable(byCelName.get(celName));
  }

  private CelType element(TypeRef ref, Optional<Aggregate> owner) {
    return switch (index.kindOf(ref, owner)) {
      case BUILTIN -> builtin(ref.builtin().orElseThrow());
      case ENUM -> SimpleType.STRING;
      case TYPE -> typeDef(index.type(ref.name()).orElseThrow(), "type", Optional.empty());
      case ENTITY ->
          typeDef(owner.flatMap(a -> a.entity(ref.name())).orElseThrow(), "entity", owner);
      case VIEW -> row(index.view(ref.name()).orElseThrow());
      case UNKNOWN -> SimpleType.DYN;
    };
  }

  private CelType typeDef(TypeDef def, String kind, Optional<Aggregate> owner) {
    String description = "%s `%s`".formatted(kind, def.name());
    return struct(def, kind, def.name(), description, def.fields(), owner).celType();
  }

  public static CelType builtin(BuiltinType type) {
    return switch (type) {
      case String, Email, Url -> SimpleType.STRING;
      case Int -> SimpleType.INT;
      case Float -> SimpleType.DOUBLE;
      case Boolean -> SimpleType.BOOL;
      case Date -> DATE;
      case DateTime -> SimpleType.TIMESTAMP;
      case Json -> SimpleType.DYN;
    };
  }

  private synchronized ModelStruct struct(
      Object element,
      String kind,
      String name,
      String description,
      List<Field> fields,
      Optional<Aggregate> owner) {
    ModelStruct known = byElement.get(element);
    if (known != null) {
      return known;
    }
    String celName =
        uniqueName(PREFIX + kind + ":" + owner.map(a -> a.name() + ".").orElse("") + name);
    Map<String, CelType> resolved = new ConcurrentHashMap<>();
    ImmutableSet<String> names =
        fields.stream().map(Field::name).collect(ImmutableSet.toImmutableSet());
    StructType type =
        StructType.create(
            celName, names, fieldName -> fieldType(resolved, fields, owner, fieldName));
    ModelStruct struct = new ModelStruct(type, kind, name, description, fields, owner);
    byElement.put(element, struct);
    byCelName.put(celName, struct);
    return struct;
  }

  private Optional<CelType> fieldType(
      Map<String, CelType> resolved, List<Field> fields, Optional<Aggregate> owner, String name) {
    CelType cached = resolved.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<CelType> type =
        fields.stream()
            .filter(f -> f.name().equals(name))
            .findFirst()
            .map(f -> of(f.type(), owner));
    type.ifPresent(t -> resolved.put(name, t));
    return type;
  }

  /** Two elements of one kind and name exist only in a model with duplicates; keep both apart. */
  private String uniqueName(String base) {
    int seen = namesGiven.merge(base, 1, Integer::sum);
    return seen == 1 ? base : base + "#" + seen;
  }

  private static Field field(String name, String type, boolean list) {
    return new Field(
        name, new TypeRef(type, list, SourceLocation.NONE), Constraints.NONE, SourceLocation.NONE);
  }
}
