package dev.tracepaper.render.build;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.JavaNames;
import dev.tracepaper.expr.JavaTranslator;
import dev.tracepaper.expr.JavaValues;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.expr.ModelTypes;
import dev.tracepaper.expr.Translation;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.JavaName;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java of the model's expressions in one place of the generated code: the translation of {@link
 * JavaTranslator}, converted to the field it goes into (text becomes an enum constant there, see
 * "From CEL to Java" in docs/model-reference.md).
 */
final class ExpressionCode {

  private static final java.util.regex.Pattern LONG_LITERAL =
      java.util.regex.Pattern.compile("(-?[0-9]+)L");

  private static final java.util.regex.Pattern ENUM_LITERAL =
      java.util.regex.Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"");

  private final CheckedExpressions checked;
  private final JavaTranslator translator;
  private final TypeMapping types;
  private final Set<String> imports;
  private final String runtimePackage;

  /**
   * @param variables the Java name of each CEL name written otherwise in this place
   * @param imports where the classes the code names are collected
   */
  ExpressionCode(
      CheckedExpressions checked,
      TypeMapping types,
      String runtimePackage,
      Map<String, String> variables,
      Set<String> imports) {
    this.checked = checked;
    this.types = types;
    this.translator =
        new JavaTranslator(
            checked.types(), new JavaNames(variables, JavaNames.RUNTIME, new Values()));
    this.imports = imports;
    this.runtimePackage = runtimePackage;
  }

  private CheckedExpression checked(Expression expression) {
    return checked
        .of(expression)
        .orElseThrow(() -> new IllegalStateException("unchecked expression " + expression));
  }

  /** The Java expression of a value that needs no conversion (a condition, a key, a variable). */
  String java(Expression expression) {
    Translation translation = translator.translate(checked(expression));
    if (!(translation instanceof Translation.Java java)) {
      // UntranslatableExpression is an error, so a model that validated never gets here.
      throw new IllegalStateException("untranslatable expression " + expression);
    }
    for (String used : java.imports()) {
      imports.add(used);
    }
    if (java.code().contains(JavaNames.RUNTIME + ".")) {
      imports.add(runtimePackage + "." + JavaNames.RUNTIME);
    }
    return java.code();
  }

  /** The Java expression of a value going into a field of type {@code target}. */
  String into(Expression expression, TypeRef target, Optional<Aggregate> owner) {
    // A value stands alone (an argument): parentheses around all of it say nothing.
    return into(java(expression), checked(expression).resultType(), target, owner);
  }

  /**
   * {@code code}, a variable holding the value of {@code computed}, as a field of type {@code
   * target} holds it: a {@code let} copied by name into an event is converted as a mapping would be
   * (an enum's text into the enum).
   */
  String into(String code, Expression computed, TypeRef target, Optional<Aggregate> owner) {
    return into(code, checked(computed).resultType(), target, owner);
  }

  /** {@code code}, a value of CEL type {@code type}, as a field of type {@code target} holds it. */
  private String into(String java, CelType type, TypeRef target, Optional<Aggregate> owner) {
    String code = unwrapped(java);
    if (target.builtin().filter(BuiltinType.Json::equals).isPresent()) {
      return target.list() ? asJsonList(code, type) : asJson(code, type);
    }
    if (target.builtin().filter(BuiltinType.Float::equals).isPresent() && givesInt(type)) {
      return target.list() ? code + ".stream().map(Long::doubleValue).toList()" : asDouble(code);
    }
    if (target.builtin().isPresent() || types.kind(target, owner) != ModelIndex.TypeKind.ENUM) {
      return code;
    }
    // CEL reads enums as text; the field holds the Java enum.
    types.addImports(target, owner, imports);
    String javaClass = types.javaClass(target, owner).simpleName();
    if (target.list()) {
      return code + ".stream().map(" + javaClass + "::valueOf).toList()";
    }
    // A literal names a value (UnknownEnumLiteral checks it): the constant reads better.
    java.util.regex.Matcher literal = ENUM_LITERAL.matcher(code);
    return literal.matches()
        ? javaClass + "." + literal.group(1)
        : javaClass + ".valueOf(" + code + ")";
  }

  /**
   * The value as a command's input holds it: text, numbers and booleans as they are, anything else
   * (dates, records, lists) as JSON, as the event store writes it.
   */
  String inputValue(Expression expression) {
    CelType type = checked(expression).resultType();
    String code = unwrapped(java(expression));
    return switch (type.kind()) {
      case STRING, INT, DOUBLE, BOOL -> code;
      default -> asJson(code, type);
    };
  }

  /**
   * The value as a template reads it: a record (or a list of them) as its JSON, which the runtime
   * reads as maps; anything else as it is.
   */
  String templateValue(Expression expression) {
    CelType type = checked(expression).resultType();
    CelType element = type instanceof ListType list ? list.elemType() : type;
    String code = unwrapped(java(expression));
    return element.kind() == CelKind.STRUCT ? asJson(code, type) : code;
  }

  /** The project's records, for the values object literals build. */
  private final class Values implements JavaValues {
    @Override
    public String record(ModelStruct struct) {
      JavaName record =
          types
              .recordWithJson(struct)
              .orElseThrow(() -> new IllegalStateException("no record for " + struct.name()));
      imports.add(record.qualified());
      return record.simpleName();
    }

    @Override
    public String into(String code, CelType type, TypeRef target, Optional<Aggregate> owner) {
      return ExpressionCode.this.into(code, type, target, owner);
    }
  }

  /**
   * A value of CEL type {@code type} as a Json field holds it: a Json value as it is, anything else
   * written as JSON the way the event store writes it (a list as an array, an entity or type as its
   * object, an absent value absent). JsonFromInput refuses the values no record can write (a whole
   * command, the caller).
   */
  private String asJson(String code, CelType type) {
    if (type.kind() == CelKind.DYN) {
      return code;
    }
    imports.add(runtimePackage + ".JsonValues");
    if (type.kind() == CelKind.LIST) {
      return "JsonValues.ofList(" + code + ", " + jsonWriter(((ListType) type).elemType()) + ")";
    }
    return "JsonValues.of(" + code + ", " + jsonWriter(type) + ")";
  }

  /** A list of CEL type {@code type} as a {@code [Json]} field holds it: each item as JSON. */
  private String asJsonList(String code, CelType type) {
    if (type.kind() != CelKind.LIST || ((ListType) type).elemType().kind() == CelKind.DYN) {
      return code;
    }
    imports.add(runtimePackage + ".JsonValues");
    return "JsonValues.eachOf(" + code + ", " + jsonWriter(((ListType) type).elemType()) + ")";
  }

  /** A {@code Function<T, JsonNode>} writing one value of CEL type {@code type}. */
  private String jsonWriter(CelType type) {
    if (type.equals(ModelTypes.DATE)) {
      return "JsonValues::ofDate";
    }
    return switch (type.kind()) {
      case STRING -> "JsonValues::ofText";
      case INT -> "JsonValues::ofInteger";
      case DOUBLE -> "JsonValues::ofDecimal";
      case BOOL -> "JsonValues::ofBool";
      case TIMESTAMP -> "JsonValues::ofDateTime";
      case DYN -> "JsonValues::ofJson";
      case STRUCT -> {
        JavaName record =
            checked
                .types()
                .struct(type)
                .flatMap(types::recordWithJson)
                .orElseThrow(() -> new IllegalStateException("no JSON writer for " + type));
        imports.add(record.qualified());
        yield record.simpleName() + "::toJson";
      }
      default -> throw new IllegalStateException("no JSON writer for " + type);
    };
  }

  /**
   * Whether the expression gives Int (or a list of Int): the model lets an Int go into a Float
   * field, converted as CEL's {@code double()} converts, which is Java's widening of a {@code long}
   * to a {@code double}. Written out, since Java does not widen a {@code long} into a boxed {@code
   * Double} (a field that may be absent) or a {@code List<Long>} into a {@code List<Double>}.
   */
  private static boolean givesInt(CelType type) {
    CelType element = type instanceof ListType list ? list.elemType() : type;
    return element.kind() == CelKind.INT;
  }

  /** {@code (double) code}, with parentheses where the cast would bind to less than all. */
  private static String asDouble(String code) {
    java.util.regex.Matcher literal = LONG_LITERAL.matcher(code);
    if (literal.matches()) {
      return literal.group(1) + ".0";
    }
    return "(double) " + (postfixOnly(code) ? code : "(" + code + ")");
  }

  /** Whether {@code code} is names, dots and calls only ({@code Math.addExact(a, b)}). */
  private static boolean postfixOnly(String code) {
    return !code.isEmpty()
        && code.charAt(0) != '('
        && outsideLiterals(
                code,
                (c, depth) ->
                    depth == 0
                        && c != '('
                        && c != ')'
                        && c != '.'
                        && !Character.isJavaIdentifierPart(c))
            < 0;
  }

  /** Whether the expression reads the CEL name {@code name} (e.g. {@code today}). */
  boolean reads(Expression expression, String name) {
    return checked
        .of(expression)
        .flatMap(CheckedExpression::ast)
        .map(
            ast ->
                AstNodes.all(ast.getExpr()).stream()
                    .anyMatch(
                        n ->
                            n.getKind() == CelExpr.ExprKind.Kind.IDENT
                                && n.ident().name().equals(name)))
        .orElse(false);
  }

  /** {@code code} without the parentheses around all of it, if it has them: {@code (a > b)}. */
  static String unwrapped(String code) {
    while (code.length() > 1 && code.charAt(0) == '(' && closing(code) == code.length() - 1) {
      code = code.substring(1, code.length() - 1);
    }
    return code;
  }

  /** Where the parenthesis opening {@code code} closes, skipping string and char literals. */
  private static int closing(String code) {
    return outsideLiterals(code, (c, depth) -> c == ')' && depth == 0);
  }

  /** A test of a character of Java code and its parenthesis depth (after a closing one). */
  private interface CharAtDepth {
    boolean test(char c, int depth);
  }

  /**
   * The index of the first character of {@code code} outside string and char literals that passes
   * {@code test}, given its parenthesis depth, or -1.
   */
  private static int outsideLiterals(String code, CharAtDepth test) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else {
        if (c == ')') {
          depth--;
        }
        if (test.test(c, depth)) {
          return i;
        }
        if (c == '(') {
          depth++;
        }
      }
    }
    return -1;
  }
}
