package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.text.Escapes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the {@code when} of a read's {@code auth} into one APPSYNC_JS expression over {@code user},
 * {@code args} and {@code row}: the read side has no Lambda to run Java in. The subset is what an
 * authorization condition needs (comparisons, logic, text concatenation, membership, a few text
 * functions); anything else is reported by UntranslatableExpression before generation.
 *
 * <p>Where JavaScript would quietly differ from CEL, the code fails closed: an index out of range
 * ends the request as unauthorized (CEL would fail the expression), rather than reading {@code
 * undefined} that a negation could turn into a yes.
 */
public final class JsTranslator {

  /** The names a read condition may use, as the generated functions name their parameters. */
  private static final Set<String> ROOTS = Set.of("user", "args", "row");

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("_==_", "==="),
          Map.entry("_!=_", "!=="),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_&&_", "&&"),
          Map.entry("_||_", "||"));

  private static final Map<String, String> TEXT_METHODS =
      Map.of("startsWith", "startsWith", "endsWith", "endsWith", "contains", "includes");

  private static final String SUPPORTED =
      "a read's `when` may use ==, !=, <, <=, >, >=, &&, ||, !, ?:, + on text, `in` a list,"
          + " [index], size() of a list, has(), startsWith, endsWith, contains and split";

  /** The JavaScript for a valid condition. */
  public Translation translate(CheckedExpression checked) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    try {
      return new Translation.Java(new Session(ast).js(ast.getExpr()), Set.of());
    } catch (Untranslatable e) {
      int offset = ast.getSource().getPositionsMap().getOrDefault(e.node.id(), 0);
      return new Translation.NotTranslatable(offset, e.construct, e.hint);
    } catch (RuntimeException e) {
      return new Translation.NotTranslatable(0, "a construct of an unexpected shape", SUPPORTED);
    }
  }

  /**
   * The code without the parentheses around all of it, where it stands alone (an argument, a {@code
   * return}): {@code (a + b)} but not {@code (a) + (b)}.
   */
  public static String unwrapped(String code) {
    if (!code.startsWith("(") || !code.endsWith(")")) {
      return code;
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0 && i < code.length() - 1) {
        return code;
      }
    }
    return code.substring(1, code.length() - 1);
  }

  /** Which root names the condition reads, for the caller to know what it depends on. */
  public static Set<String> roots(CheckedExpression checked) {
    return AstNodes.all(checked.ast().orElseThrow().getExpr()).stream()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.IDENT)
        .map(n -> n.ident().name())
        .filter(ROOTS::contains)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the condition takes an element of a list, which the generated code does by {@code at}.
   */
  public static boolean indexesLists(CheckedExpression checked) {
    return AstNodes.all(checked.ast().orElseThrow().getExpr()).stream()
        .anyMatch(
            n -> n.getKind() == CelExpr.ExprKind.Kind.CALL && n.call().function().equals("_[_]"));
  }

  private static final class Session {
    private final CelAbstractSyntaxTree ast;

    Session(CelAbstractSyntaxTree ast) {
      this.ast = ast;
    }

    private CelType type(CelExpr node) {
      return ast.getType(node.id()).orElse(SimpleType.DYN);
    }

    String js(CelExpr node) {
      return switch (node.getKind()) {
        case CONSTANT -> constant(node);
        case IDENT -> ident(node);
        case SELECT -> node.select().testOnly() ? has(node) : select(node);
        case CALL -> call(node);
        case LIST ->
            node.list().elements().stream()
                .map(this::js)
                .collect(Collectors.joining(", ", "[", "]"));
        default -> throw new Untranslatable(node, "a macro, map or message", SUPPORTED);
      };
    }

    private String constant(CelExpr node) {
      CelConstant constant = node.constant();
      return switch (constant.getKind()) {
        case BOOLEAN_VALUE -> Boolean.toString(constant.booleanValue());
        case INT64_VALUE -> {
          long value = constant.int64Value();
          if (Math.abs(value) > (1L << 53)) {
            throw new Untranslatable(
                node, "a number beyond 2^53", "JavaScript numbers hold whole numbers up to 2^53");
          }
          yield Long.toString(value);
        }
        case STRING_VALUE -> Escapes.jsString(constant.stringValue());
        default -> throw new Untranslatable(node, "this kind of literal", SUPPORTED);
      };
    }

    private String ident(CelExpr node) {
      String name = node.ident().name();
      if (!ROOTS.contains(name)) {
        throw new Untranslatable(node, "`" + name + "`", SUPPORTED);
      }
      return name;
    }

    /** A field of the caller, the arguments or the row; a row's field may be absent. */
    private String select(CelExpr node) {
      CelExpr operand = node.select().operand();
      CelKind kind = type(node).kind();
      boolean plain =
          kind == CelKind.STRING
              || kind == CelKind.INT
              || kind == CelKind.BOOL
              || (kind == CelKind.LIST
                  && type(node).parameters().stream()
                      .allMatch(p -> p.kind() == CelKind.STRING || p.kind() == CelKind.INT));
      if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT || !plain) {
        throw new Untranslatable(
            node,
            "a field of this type",
            "compare fields of `user`, `args` or `row` that hold text, numbers, booleans or lists"
                + " of them");
      }
      return ident(operand) + "." + node.select().field();
    }

    private String has(CelExpr node) {
      String value = ident(node.select().operand()) + "." + node.select().field();
      return "(" + value + " !== undefined && " + value + " !== null)";
    }

    private String call(CelExpr node) {
      String function = node.call().function();
      List<CelExpr> args = node.call().args();
      String operator = OPERATORS.get(function);
      if (operator != null) {
        if ((function.equals("_==_") || function.equals("_!=_"))
            && type(args.get(0)).kind() == CelKind.LIST) {
          throw new Untranslatable(node, "`==` on lists", "compare their elements");
        }
        return "(" + js(args.get(0)) + " " + operator + " " + js(args.get(1)) + ")";
      }
      return switch (function) {
        case "!_" -> "!" + js(args.get(0));
        case "_?_:_" ->
            "(" + js(args.get(0)) + " ? " + js(args.get(1)) + " : " + js(args.get(2)) + ")";
        case "_+_" -> {
          if (type(node).kind() != CelKind.STRING) {
            throw new Untranslatable(node, "`+` on numbers or lists", "join texts with `+`");
          }
          yield "(" + js(args.get(0)) + " + " + js(args.get(1)) + ")";
        }
        case "@in" -> {
          if (type(args.get(1)).kind() != CelKind.LIST) {
            throw new Untranslatable(node, "`in` on a map", "use `in` on a list");
          }
          yield "(" + js(args.get(1)) + " ?? []).includes(" + unwrapped(js(args.get(0))) + ")";
        }
        case "_[_]" -> {
          if (type(args.get(0)).kind() != CelKind.LIST) {
            throw new Untranslatable(node, "`[]` on a map", "use `[]` on a list");
          }
          yield "at(" + js(args.get(0)) + ", " + unwrapped(js(args.get(1))) + ")";
        }
        case "size" -> {
          CelExpr of = node.call().target().orElse(args.isEmpty() ? null : args.get(0));
          if (of == null || type(of).kind() != CelKind.LIST) {
            throw new Untranslatable(
                node, "`size()` of a text", "compare the text itself, or use size() of a list");
          }
          yield "(" + js(of) + " ?? []).length";
        }
        case "split" -> method(node, "split");
        default -> {
          String method = TEXT_METHODS.get(function);
          if (method == null) {
            throw new Untranslatable(node, "the function `" + function + "`", SUPPORTED);
          }
          yield method(node, method);
        }
      };
    }

    /** A method of a text with one argument; CEL's {@code split} has no limit here. */
    private String method(CelExpr node, String method) {
      CelExpr target =
          node.call()
              .target()
              .orElseThrow(() -> new Untranslatable(node, "this call", "call it on a text"));
      if (node.call().args().size() != 1) {
        throw new Untranslatable(node, "`" + method + "` with these arguments", SUPPORTED);
      }
      return "("
          + js(target)
          + " ?? '')."
          + method
          + "("
          + unwrapped(js(node.call().args().get(0)))
          + ")";
    }
  }
}
