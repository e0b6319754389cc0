package dev.tracepaper.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Java for CEL's operators and functions. */
final class JavaCalls {

  private static final Map<String, String> ORDER =
      Map.of("_<_", "<", "_<=_", "<=", "_>_", ">", "_>=_", ">=");

  /** CEL's parts of a time, in UTC or a zone given: the runtime's {@code Expressions} has each. */
  private static final List<String> TIME_PARTS =
      List.of(
          "getFullYear",
          "getMonth",
          "getDayOfYear",
          "getDayOfMonth",
          "getDate",
          "getDayOfWeek",
          "getHours",
          "getMinutes",
          "getSeconds",
          "getMilliseconds");

  private static final List<String> SUPPORTED =
      Stream.concat(
              Stream.of(
                  "size",
                  "int",
                  "double",
                  "string",
                  "matches",
                  "contains",
                  "startsWith",
                  "endsWith",
                  "lowerAscii",
                  "upperAscii",
                  "trim",
                  "replace",
                  "split",
                  "join",
                  "charAt",
                  "indexOf",
                  "lastIndexOf",
                  "substring",
                  Functions.UUID,
                  Functions.ADD_DAYS,
                  Functions.ADD_SECONDS,
                  Functions.SHA256,
                  Functions.CRC32,
                  Functions.FORMAT_TIME,
                  Functions.EPOCH_SECONDS,
                  TimeLiterals.TIMESTAMP,
                  TimeLiterals.DURATION),
              TIME_PARTS.stream())
          .toList();

  private static final String OTHER_FUNCTION_HINT =
      "the functions generated code can compute are "
          + String.join(", ", SUPPORTED.subList(0, SUPPORTED.size() - 1))
          + " and "
          + SUPPORTED.get(SUPPORTED.size() - 1);

  private final JavaTranslator.Session session;
  private final String runtime;
  private final JavaDurations durations;

  JavaCalls(JavaTranslator.Session session, String runtime) {
    this.session = session;
    this.runtime = runtime;
    this.durations = new JavaDurations(session, runtime);
  }

  String call(CelExpr node) {
    String function = node.call().function();
    List<CelExpr> args = new ArrayList<>();
    node.call().target().ifPresent(args::add);
    args.addAll(node.call().args());
    if (ORDER.containsKey(function)) {
      return order(node, ORDER.get(function), args.get(0), args.get(1));
    }
    return switch (function) {
      case "_&&_" -> binary(args, "&&");
      case "_||_" -> binary(args, "||");
      case "!_" -> not(args.get(0));
      case "_?_:_" ->
          "("
              + java(args.get(0))
              + " ? "
              + session.javaAs(args.get(1), type(node))
              + " : "
              + session.javaAs(args.get(2), type(node))
              + ")";
      case "-_" ->
          isInt(args.get(0))
              ? "Math.negateExact(" + java(args.get(0)) + ")"
              : "(-" + java(args.get(0)) + ")";
      case "_+_", "_-_", "_*_", "_/_", "_%_" -> arithmetic(node, function, args);
      case "_==_" -> equality(args.get(0), args.get(1), false);
      case "_!=_" -> equality(args.get(0), args.get(1), true);
      case "@in" -> in(node, args);
      case "_[_]" -> index(node, args);
      default -> function(node, function, args);
    };
  }

  private String java(CelExpr node) {
    return session.java(node);
  }

  private CelType type(CelExpr node) {
    return session.type(node);
  }

  private boolean isInt(CelExpr node) {
    return type(node).kind() == CelKind.INT;
  }

  private String binary(List<CelExpr> args, String operator) {
    return "(" + java(args.get(0)) + " " + operator + " " + java(args.get(1)) + ")";
  }

  /** Int arithmetic throws on overflow, as CEL gives an error; Float follows IEEE 754 in both. */
  private String arithmetic(CelExpr node, String function, List<CelExpr> args) {
    if (durations.isArithmetic(node, args)) {
      return durations.arithmetic(node, function, args);
    }
    CelKind kind = type(node).kind();
    String a = session.javaAs(args.get(0), type(node));
    String b = session.javaAs(args.get(1), type(node));
    if (kind == CelKind.INT) {
      return switch (function) {
        case "_+_" -> "Math.addExact(" + a + ", " + b + ")";
        case "_-_" -> "Math.subtractExact(" + a + ", " + b + ")";
        case "_*_" -> "Math.multiplyExact(" + a + ", " + b + ")";
        case "_/_" -> runtime + ".divide(" + a + ", " + b + ")";
        default -> "(" + a + " % " + b + ")";
      };
    }
    String operator = function.substring(1, 2);
    if (kind == CelKind.DOUBLE || (kind == CelKind.STRING && operator.equals("+"))) {
      return "(" + a + " " + operator + " " + b + ")";
    }
    if (kind == CelKind.LIST && operator.equals("+")) {
      session.use("java.util.stream.Stream");
      return "Stream.concat(" + a + ".stream(), " + b + ".stream()).toList()";
    }
    throw new Untranslatable(
        node, "`" + operator + "` on " + TypeNames.describe(type(node)), "use Int or Float values");
  }

  /**
   * Int, Float and Boolean compare with {@code ==}; one side is cast to its primitive so that two
   * boxed values (fields that may be absent) compare by value. Others compare with equals.
   */
  private String equality(CelExpr left, CelExpr right, boolean negated) {
    String a = java(left);
    String b = java(right);
    if (JavaTypes.isPrimitive(type(left))) {
      String first = isConstant(left) || isConstant(right) ? a : castTo(left, a);
      return "(" + first + (negated ? " != " : " == ") + b + ")";
    }
    String equal;
    if (isConstant(left) && type(left).kind() == CelKind.STRING) {
      equal = a + ".equals(" + b + ")";
    } else if (isConstant(right) && type(right).kind() == CelKind.STRING) {
      equal = b + ".equals(" + a + ")";
    } else {
      session.use("java.util.Objects");
      equal = "Objects.equals(" + a + ", " + b + ")";
    }
    return negated ? "(!" + equal + ")" : equal;
  }

  private String castTo(CelExpr node, String code) {
    return "(" + JavaTypes.primitive(type(node)) + ") " + code;
  }

  private static boolean isConstant(CelExpr node) {
    return node.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && node.constant().getKind() != CelConstant.Kind.NULL_VALUE;
  }

  private String order(CelExpr node, String operator, CelExpr left, CelExpr right) {
    String a = java(left);
    String b = java(right);
    CelType type = type(left);
    if (type.kind() == CelKind.INT || type.kind() == CelKind.DOUBLE) {
      return "(" + a + " " + operator + " " + b + ")";
    }
    if (type.kind() == CelKind.STRING) {
      return "(" + a + ".compareTo(" + b + ") " + operator + " 0)";
    }
    if (type.kind() == CelKind.BOOL) {
      return "(Boolean.compare(" + a + ", " + b + ") " + operator + " 0)";
    }
    if (JavaDurations.isDuration(type)) {
      return durations.order(operator, a, b);
    }
    if (type.kind() == CelKind.TIMESTAMP || JavaTypes.isDate(type)) {
      return switch (operator) {
        case "<" -> a + ".isBefore(" + b + ")";
        case ">" -> a + ".isAfter(" + b + ")";
        case "<=" -> "(!" + a + ".isAfter(" + b + "))";
        default -> "(!" + a + ".isBefore(" + b + "))";
      };
    }
    throw new Untranslatable(
        node,
        "`" + operator + "` on " + TypeNames.describe(type),
        "compare numbers, texts or dates");
  }

  private String in(CelExpr node, List<CelExpr> args) {
    if (type(args.get(1)).kind() != CelKind.LIST) {
      throw new Untranslatable(node, "`in` on a map", "use `in` on a list");
    }
    return java(args.get(1)) + ".contains(" + java(args.get(0)) + ")";
  }

  private String index(CelExpr node, List<CelExpr> args) {
    if (type(args.get(0)).kind() != CelKind.LIST) {
      throw new Untranslatable(node, "an index into a map", "index lists only");
    }
    CelExpr position = args.get(1);
    boolean small =
        isConstant(position)
            && position.constant().getKind() == CelConstant.Kind.INT64_VALUE
            && position.constant().int64Value() >= 0
            && position.constant().int64Value() <= Integer.MAX_VALUE;
    return java(args.get(0))
        + (small
            ? ".get(" + position.constant().int64Value() + ")"
            : ".get(Math.toIntExact(" + java(position) + "))");
  }

  /** {@code !has(x.f)} reads better as {@code x.f() == null}. */
  private String not(CelExpr operand) {
    String java = java(operand);
    if (operand.getKind() == CelExpr.ExprKind.Kind.SELECT && operand.select().testOnly()) {
      return java.equals("true") ? "false" : java.replace(" != null)", " == null)");
    }
    return "(!" + java + ")";
  }

  private String function(CelExpr node, String function, List<CelExpr> args) {
    String code =
        switch (function) {
          case "size" -> size(args.get(0));
          case "int" -> toInt(args.get(0));
          case "double" -> toDouble(args.get(0));
          case "string" -> toText(args.get(0));
          case "matches" -> {
            session.use("java.util.regex.Pattern");
            yield "Pattern.compile(" + arg(args, 1) + ").matcher(" + arg(args, 0) + ").find()";
          }
          case "contains", "startsWith", "endsWith" ->
              arg(args, 0) + "." + function + "(" + arg(args, 1) + ")";
          case "lowerAscii", "upperAscii", "trim" -> helper(function, args);
          case "replace" -> args.size() == 3 ? helper(function, args) : null;
          case "split" -> args.size() == 2 ? helper(function, args) : null;
          case "join" ->
              "String.join("
                  + (args.size() == 2 ? arg(args, 1) : "\"\"")
                  + ", "
                  + arg(args, 0)
                  + ")";
          case "charAt", "indexOf", "substring" -> helper(function, args);
          case "lastIndexOf" -> args.size() == 2 ? helper(function, args) : null;
          case Functions.UUID -> runtime + ".uuid()";
          case Functions.ADD_DAYS -> arg(args, 0) + ".plusDays(" + arg(args, 1) + ")";
          case Functions.ADD_SECONDS -> arg(args, 0) + ".plusSeconds(" + arg(args, 1) + ")";
          case Functions.SHA256, Functions.CRC32, Functions.FORMAT_TIME -> helper(function, args);
          case Functions.EPOCH_SECONDS -> arg(args, 0) + ".getEpochSecond()";
          case TimeLiterals.TIMESTAMP -> timestamp(node, args);
          case TimeLiterals.DURATION -> durations.literal(node);
          default -> {
            if (TIME_PARTS.contains(function) && type(args.get(0)).kind() == CelKind.TIMESTAMP) {
              yield timePart(function, args);
            }
            yield JavaDurations.PARTS.contains(function)
                    && JavaDurations.isDuration(type(args.get(0)))
                ? durations.part(function, args.get(0))
                : null;
          }
        };
    if (code == null) {
      int given = node.call().args().size();
      throw new Untranslatable(
          node,
          SUPPORTED.contains(function)
              ? "`%s` with %d argument%s".formatted(function, given, given == 1 ? "" : "s")
              : "the function `" + function + "`",
          OTHER_FUNCTION_HINT);
    }
    return code;
  }

  /**
   * {@code timestamp(seconds)} through the runtime, which keeps CEL's years; {@code
   * timestamp('2027-01-01T09:00:00Z')} read now, so the Java holds the moment (a text CEL cannot
   * read is InvalidTimeLiteral's to report).
   */
  private String timestamp(CelExpr node, List<CelExpr> args) {
    if (isInt(args.get(0))) {
      return helper(TimeLiterals.TIMESTAMP, args);
    }
    java.time.Instant moment =
        TimeLiterals.text(node)
            .flatMap(TimeLiterals::timestamp)
            .orElseThrow(
                () ->
                    new Untranslatable(
                        node,
                        "`timestamp()` of a computed " + TypeNames.describe(type(args.get(0))),
                        "write the moment as a literal text, `timestamp('2027-01-01T09:00:00Z')`,"
                            + " or give the seconds since 1970 as an Int:"
                            + " `timestamp(epochSeconds(now) + 60)`"));
    session.use("java.time.Instant");
    return "Instant.parse(" + JavaLiterals.string(moment.toString()) + ")";
  }

  /** A part of a time, in UTC or the time zone given: CEL's numbering (months from 0). */
  private String timePart(String function, List<CelExpr> args) {
    return runtime
        + "."
        + function
        + "("
        + arg(args, 0)
        + ", "
        + (args.size() == 2 ? arg(args, 1) : "\"UTC\"")
        + ")";
  }

  private String arg(List<CelExpr> args, int index) {
    return java(args.get(index));
  }

  private String helper(String function, List<CelExpr> args) {
    List<String> java = args.stream().map(this::java).toList();
    return runtime + "." + function + "(" + String.join(", ", java) + ")";
  }

  private String size(CelExpr arg) {
    return type(arg).kind() == CelKind.STRING
        ? runtime + ".size(" + java(arg) + ")"
        : "((long) " + java(arg) + ".size())";
  }

  private String toInt(CelExpr arg) {
    return switch (type(arg).kind()) {
      case INT -> java(arg);
      case DOUBLE -> runtime + ".toInt(" + java(arg) + ")";
      case STRING -> "Long.parseLong(" + java(arg) + ")";
      case TIMESTAMP -> java(arg) + ".getEpochSecond()";
      default -> throw unsupported(arg, "int");
    };
  }

  private String toDouble(CelExpr arg) {
    return switch (type(arg).kind()) {
      case INT -> "((double) " + java(arg) + ")";
      case DOUBLE -> java(arg);
      case STRING -> "Double.parseDouble(" + java(arg) + ")";
      default -> throw unsupported(arg, "double");
    };
  }

  /** Float is left out: Java and CEL write some doubles differently (1e+20 against 1.0E20). */
  private String toText(CelExpr arg) {
    CelType type = type(arg);
    return switch (type.kind()) {
      case STRING -> java(arg);
      case INT -> "Long.toString(" + java(arg) + ")";
      case BOOL -> "Boolean.toString(" + java(arg) + ")";
      case TIMESTAMP -> java(arg) + ".toString()";
      case DURATION ->
          throw new Untranslatable(
              arg,
              "`string()` of a duration",
              "write its number: `string((now - state.rentedAt).getMinutes()) + ' minutes'`");
      default -> {
        if (JavaTypes.isDate(type)) {
          yield java(arg) + ".toString()";
        }
        throw unsupported(arg, "string");
      }
    };
  }

  private Untranslatable unsupported(CelExpr arg, String conversion) {
    return new Untranslatable(
        arg,
        "`" + conversion + "()` of " + TypeNames.describe(type(arg)),
        conversion.equals("string")
            ? "convert an Int, a String, a Boolean or a date; round a Float with `int()` first"
            : "convert an Int, a Float or a String");
  }
}
