package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.Reserved;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a checked CEL expression into one Java 21 expression, so the generated code runs no CEL
 * interpreter. docs/model-reference.md ("From CEL to Java") lists what it supports and how the Java
 * keeps CEL's meaning; {@link JavaCalls} translates the functions, this class everything else.
 */
public final class JavaTranslator {

  /**
   * Names a macro variable must not take: Java's keywords, the contextual ones that cannot name a
   * variable everywhere, and the classes translated code names by their simple name.
   */
  private static final Set<String> TAKEN =
      Stream.of(
              Reserved.JAVA_KEYWORDS,
              Set.of("var", "yield", "record", "sealed", "permits"),
              Set.of(
                  "Math", "List", "Objects", "Pattern", "Stream", "Long", "Double", "Boolean",
                  "String", "Enum"))
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private final ModelTypes types;
  private final JavaNames names;

  public JavaTranslator(ModelTypes types, JavaNames names) {
    this.types = types;
    this.names = names;
  }

  /** The Java for a valid expression; an invalid one has nothing to translate. */
  public Translation translate(CheckedExpression checked) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    if (JavaDurations.holdsDuration(ast.getResultType()) && keepsUntyped(checked.site())) {
      // A Json field, a template and a command's input hold no durations: the event store and the
      // API have no form for one. A typed field is WrongExpressionType's to report.
      return new Translation.NotTranslatable(
          ast.getSource().getPositionsMap().getOrDefault(ast.getExpr().id(), 0),
          "a duration as a value",
          JavaDurations.AS_NUMBER_HINT);
    }
    return translate(ast, checked.scope().names().keySet(), givesJson(checked.site()));
  }

  /** A place that keeps the value without a type of its own: a Json field, a template, an input. */
  private static boolean keepsUntyped(Site site) {
    boolean typed = site.target().map(t -> t.celType().kind() != CelKind.DYN).orElse(false);
    return !isVariable(site) && !typed;
  }

  /** A {@code let} of a flow or an automation: the value is kept as it is computed. */
  private static boolean isVariable(Site site) {
    return site.place() == Place.LET || site.place() == Place.AUTOMATION_LET;
  }

  /** A Json value may be copied into a Json field, or into a variable (typed Json in turn). */
  private static boolean givesJson(Site site) {
    return isVariable(site)
        || site.place() == Place.TEMPLATE_VALUE
        || site.target()
            .map(t -> !t.type().list() && t.celType().kind() == CelKind.DYN)
            .orElse(false);
  }

  /**
   * @param inScope the CEL names the expression may use; macro variables get other Java names
   * @param jsonResult whether the expression may give a Json value, copied as it is
   */
  public Translation translate(CelAbstractSyntaxTree ast, Set<String> inScope, boolean jsonResult) {
    Session session = new Session(ast, inScope, jsonResult);
    try {
      return new Translation.Java(session.root(), session.imports);
    } catch (Untranslatable e) {
      int offset = ast.getSource().getPositionsMap().getOrDefault(e.node.id(), 0);
      return new Translation.NotTranslatable(offset, e.construct, e.hint);
    } catch (RuntimeException e) {
      // A tree shape the checker accepts but this translator never met: no Java, and no crash.
      return new Translation.NotTranslatable(
          0,
          "a construct of an unexpected shape",
          "write it with the constructs listed in the docs");
    }
  }

  /** The translation of one expression. */
  final class Session {
    private final CelAbstractSyntaxTree ast;

    /** Every node by id; made on the first macro call only, since most expressions have none. */
    private Map<Long, CelExpr> byId;

    /** Names taken besides {@link #TAKEN}, which is not copied: every expression has a session. */
    private final Set<String> taken = new HashSet<>();

    private final Deque<Map.Entry<String, String>> lambdas = new ArrayDeque<>();
    final Set<String> imports = new TreeSet<>();
    private final JavaCalls calls;
    private final boolean jsonResult;

    Session(CelAbstractSyntaxTree ast, Set<String> inScope, boolean jsonResult) {
      this.ast = ast;
      this.jsonResult = jsonResult;
      inScope.forEach(n -> taken.add(names.variable(n)));
      taken.add(names.runtime());
      this.calls = new JavaCalls(this, names.runtime());
    }

    String root() {
      CelExpr root = ast.getExpr();
      if (jsonResult && type(root).kind() == CelKind.DYN) {
        // A Json value copied as it is: the one use of a Json value the Java can follow.
        if (root.getKind() == CelExpr.ExprKind.Kind.SELECT && !root.select().testOnly()) {
          return select(root);
        }
        if (root.getKind() == CelExpr.ExprKind.Kind.IDENT) {
          return ident(root.ident().name());
        }
      }
      return java(root);
    }

    CelType type(CelExpr node) {
      return ast.getType(node.id()).orElse(SimpleType.DYN);
    }

    void use(String qualifiedClass) {
      imports.add(qualifiedClass);
    }

    String java(CelExpr node) {
      CelType type = type(node);
      if (!JavaTypes.isFixed(type) && !isEmptyList(node)) {
        throw new Untranslatable(node, JavaTypes.unfixed(type), JavaTypes.unfixedHint(type));
      }
      return switch (node.getKind()) {
        case CONSTANT -> constant(node);
        case IDENT -> ident(node.ident().name());
        case SELECT -> node.select().testOnly() ? has(node) : select(node);
        case CALL -> calls.call(node);
        case LIST -> list(node);
        case COMPREHENSION -> macro(node);
        case STRUCT -> construct(node);
        default ->
            throw new Untranslatable(
                node,
                "a map literal",
                "build a value of a type by its name, `Address{street: command.street}`");
      };
    }

    private boolean isEmptyList(CelExpr node) {
      return node.getKind() == CelExpr.ExprKind.Kind.LIST && node.list().elements().isEmpty();
    }

    /**
     * {@code node} where a value of {@code expected} stands (a branch of {@code ?:}, an operand of
     * a list's {@code +}): an empty list literal then names its item type, since {@code List.of()}
     * as the receiver of a call is a {@code List<Object>} and would make the whole expression one.
     */
    String javaAs(CelExpr node, CelType expected) {
      return isEmptyList(node) ? emptyList(expected) : java(node);
    }

    private String emptyList(CelType listType) {
      use("java.util.List");
      if (listType.kind() != CelKind.LIST) {
        return "List.of()";
      }
      CelType item = ((ListType) listType).elemType();
      String witness =
          switch (item.kind()) {
            case STRING -> "String";
            case INT -> "Long";
            case DOUBLE -> "Double";
            case BOOL -> "Boolean";
            case TIMESTAMP -> {
              use("java.time.Instant");
              yield "Instant";
            }
            case DURATION -> {
              use("java.time.Duration");
              yield "Duration";
            }
            case OPAQUE -> {
              if (!JavaTypes.isDate(item)) {
                yield null;
              }
              use("java.time.LocalDate");
              yield "LocalDate";
            }
            case STRUCT -> types.struct(item).map(names.values()::record).orElse(null);
            default -> null;
          };
      return witness == null ? "List.of()" : "List.<" + witness + ">of()";
    }

    private String constant(CelExpr node) {
      CelConstant constant = node.constant();
      return switch (constant.getKind()) {
        case BOOLEAN_VALUE -> Boolean.toString(constant.booleanValue());
        case INT64_VALUE -> JavaLiterals.integer(constant.int64Value());
        case DOUBLE_VALUE -> JavaLiterals.decimal(constant.doubleValue());
        case STRING_VALUE -> stringLiteral(node, constant.stringValue());
        case UINT64_VALUE ->
            throw new Untranslatable(node, "an unsigned number", "write the number without `u`");
        case BYTES_VALUE ->
            throw new Untranslatable(node, "a bytes literal", "write a string without `b`");
        default ->
            throw new Untranslatable(
                node, "`null`", "test whether a field has a value with `has(x.field)`");
      };
    }

    private String stringLiteral(CelExpr node, String value) {
      try {
        return JavaLiterals.string(value);
      } catch (IllegalArgumentException unpairedSurrogate) {
        throw new Untranslatable(
            node,
            "a text with half a character (an unpaired surrogate)",
            "remove the broken character");
      }
    }

    private String ident(String name) {
      for (Map.Entry<String, String> lambda : lambdas) {
        if (lambda.getKey().equals(name)) {
          return lambda.getValue();
        }
      }
      return names.variable(name);
    }

    private ModelStruct struct(CelExpr node, String what) {
      Optional<ModelStruct> struct = types.struct(type(node));
      if (struct.isEmpty()) {
        throw new Untranslatable(
            node, what + " of " + JavaTypes.unfixed(type(node)), JavaTypes.unfixedHint(type(node)));
      }
      return struct.get();
    }

    /** {@code x.f} is the record accessor {@code x.f()}; enum values read as their names. */
    private String select(CelExpr node) {
      CelExpr operand = node.select().operand();
      String field = node.select().field();
      if (type(operand).kind() == CelKind.MAP && operand.getKind() == CelExpr.ExprKind.Kind.IDENT) {
        // A map named by the place (an automation's `secrets`), read by key; which keys exist is
        // the place's rule (UndeclaredSecret), so a missing one never gets here.
        return ident(operand.ident().name()) + ".get(" + JavaLiterals.string(field) + ")";
      }
      ModelStruct struct = struct(operand, "a field");
      String access = java(operand) + "." + dev.tracepaper.naming.JavaNames.member(field) + "()";
      Optional<Field> declared = struct.field(field);
      boolean isEnum =
          declared.isPresent()
              && types.index().kindOf(declared.get().type(), struct.owner())
                  == ModelIndex.TypeKind.ENUM;
      if (!isEnum) {
        return access;
      }
      // An enum field with no value yet reads as null, as any absent field: not a crash.
      return declared.get().type().list()
          ? access + ".stream().map(Enum::name).toList()"
          : names.runtime() + ".name(" + access + ")";
    }

    /**
     * An absent value is {@code null} in the generated records; a number or boolean that always
     * holds one is a primitive there, and {@code has()} of it is true.
     */
    private String has(CelExpr node) {
      CelExpr operand = node.select().operand();
      ModelStruct struct = struct(operand, "`has()` on a field");
      if (struct.field(node.select().field()).map(struct::alwaysHolds).orElse(false)) {
        return "true";
      }
      return "("
          + java(operand)
          + "."
          + dev.tracepaper.naming.JavaNames.member(node.select().field())
          + "() != null)";
    }

    private String list(CelExpr node) {
      if (node.list().elements().isEmpty()) {
        return emptyList(type(node));
      }
      use("java.util.List");
      return node.list().elements().stream()
          .map(this::java)
          .collect(Collectors.joining(", ", "List.of(", ")"));
    }

    /**
     * {@code Address{street: s}} is the record's constructor, every component in the order of the
     * type's fields. A field left out (only one that is not required may be) is absent, or an empty
     * list, as a value read from JSON without it.
     */
    private String construct(CelExpr node) {
      ModelStruct struct = struct(node, "a value");
      Map<String, CelExpr> given = new HashMap<>();
      for (CelExpr.CelStruct.Entry entry : node.struct().entries()) {
        if (entry.optionalEntry()) {
          throw new Untranslatable(
              node, "an optional field (`?" + entry.fieldKey() + "`)", "give the field a value");
        }
        given.put(entry.fieldKey(), entry.value());
      }
      List<String> components = new java.util.ArrayList<>();
      for (Field field : struct.fields()) {
        CelExpr value = given.get(field.name());
        if (value == null) {
          if (field.type().list()) {
            use("java.util.List");
          }
          components.add(field.type().list() ? "List.of()" : "null");
        } else {
          components.add(
              sameEnum(value, field, struct)
                  .orElseGet(
                      () ->
                          names
                              .values()
                              .into(java(value), type(value), field.type(), struct.owner())));
        }
      }
      return "new " + names.values().record(struct) + "(" + String.join(", ", components) + ")";
    }

    /**
     * A field of the same enum given as it is ({@code Invitee{role: command.role}}): its Java enum
     * constant, rather than its name turned back into the constant.
     */
    private Optional<String> sameEnum(CelExpr value, Field target, ModelStruct targetStruct) {
      if (value.getKind() != CelExpr.ExprKind.Kind.SELECT
          || value.select().testOnly()
          || types.index().kindOf(target.type(), targetStruct.owner())
              != ModelIndex.TypeKind.ENUM) {
        return Optional.empty();
      }
      CelExpr operand = value.select().operand();
      Optional<Field> source =
          types.struct(type(operand)).flatMap(s -> s.field(value.select().field()));
      if (source.isEmpty()
          || !source.get().type().name().equals(target.type().name())
          || source.get().type().list() != target.type().list()) {
        return Optional.empty();
      }
      return Optional.of(
          java(operand)
              + "."
              + dev.tracepaper.naming.JavaNames.member(value.select().field())
              + "()");
    }

    /** The macros become streams; their variable gets a Java name no other name has. */
    private String macro(CelExpr node) {
      CelExpr call = ast.getSource().getMacroCalls().get(node.id());
      if (call == null || call.getKind() != CelExpr.ExprKind.Kind.CALL) {
        throw new Untranslatable(node, "a comprehension", "use `exists`, `all`, `filter` or `map`");
      }
      String macro = call.call().function();
      List<CelExpr> args = call.call().args().stream().map(this::resolve).toList();
      CelExpr range = node.comprehension().iterRange();
      if (type(range).kind() != CelKind.LIST) {
        throw new Untranslatable(node, "`" + macro + "` over a map", "use it on a list");
      }
      String variable = node.comprehension().iterVar();
      String javaName = fresh(variable);
      String stream = java(range) + ".stream()";
      lambdas.push(Map.entry(variable, javaName));
      try {
        String lambda = javaName + " -> ";
        return switch (macro) {
          case "exists" -> stream + ".anyMatch(" + lambda + java(args.get(1)) + ")";
          case "all" -> stream + ".allMatch(" + lambda + java(args.get(1)) + ")";
          case "exists_one" ->
              "(" + stream + ".filter(" + lambda + java(args.get(1)) + ").count() == 1L)";
          case "filter" -> stream + ".filter(" + lambda + java(args.get(1)) + ").toList()";
          case "map" ->
              args.size() == 3
                  ? stream
                      + ".filter("
                      + lambda
                      + java(args.get(1))
                      + ").map("
                      + lambda
                      + java(args.get(2))
                      + ").toList()"
                  : stream + ".map(" + lambda + java(args.get(1)) + ").toList()";
          default ->
              throw new Untranslatable(
                  node, "the macro `" + macro + "`", "use `exists`, `all`, `filter` or `map`");
        };
      } finally {
        lambdas.pop();
        taken.remove(javaName);
      }
    }

    /** Macro calls keep nested macros as references by id; the checked tree has the nodes. */
    private CelExpr resolve(CelExpr arg) {
      if (byId == null) {
        byId = new HashMap<>();
        AstNodes.all(ast.getExpr()).forEach(n -> byId.put(n.id(), n));
      }
      return byId.getOrDefault(arg.id(), arg);
    }

    private String fresh(String variable) {
      String name = variable;
      for (int n = 2; TAKEN.contains(name) || taken.contains(name); n++) {
        name = variable + n;
      }
      taken.add(name);
      return name;
    }
  }
}
