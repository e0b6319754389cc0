package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.expr.ExpressionProblem.Kind;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Located;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns CEL's parse and check errors into messages in the modeller's words, at their place. */
final class ProblemExplainer {

  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
  private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']*)'.*");
  private static final Pattern FIELD_TYPE =
      Pattern.compile(
          "expected type of field '([^']*)' is '(.*)' but provided type is '(.*)'", Pattern.DOTALL);

  /** CEL's echo, at each field, of an object literal's type name that did not resolve. */
  private static final String UNRESOLVED_TYPE = "Message type resolution failure";

  private static final Pattern NO_OVERLOAD =
      Pattern.compile("found no matching overload for '([^']*)' applied to.*", Pattern.DOTALL);

  private final ModelTypes types;
  private final ExpressionLocator locator;
  private final Set<String> functions;
  private final Set<String> memberOnly;
  private final Set<String> enumValues;

  ProblemExplainer(
      ModelTypes types, ExpressionLocator locator, Set<String> functions, Set<String> memberOnly) {
    this.types = types;
    this.locator = locator;
    this.functions = functions;
    this.memberOnly = memberOnly;
    this.enumValues =
        types.index().model().enums().stream()
            .flatMap(e -> e.values().stream())
            .map(Located::value)
            .collect(Collectors.toSet());
  }

  /** The first syntax error only: the ones after it are mostly its echoes. */
  List<ExpressionProblem> syntax(
      Expression expression, Site site, List<CheckerSession.Issue> issues) {
    CheckerSession.Issue first =
        issues.isEmpty() ? new CheckerSession.Issue(0, "", 0) : issues.get(0);
    SyntaxErrors.Reason reason = SyntaxErrors.explain(first.message(), expression.text());
    String message = "%s is not valid CEL: %s.".formatted(site.subject(), reason.text());
    return List.of(problem(Kind.SYNTAX, expression, first.offset(), message, reason.hint()));
  }

  List<ExpressionProblem> typeErrors(
      Expression expression,
      Site site,
      Scope scope,
      Optional<CelAbstractSyntaxTree> ast,
      List<CheckerSession.Issue> issues,
      Set<String> typeNames) {
    List<ExpressionProblem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CheckerSession.Issue issue : issues) {
      if (issue.message().startsWith(UNRESOLVED_TYPE)) {
        continue; // the unknown type name itself is reported
      }
      if (seen.add(issue.offset() + issue.message())) {
        problems.add(explain(expression, site, scope, ast, issue, typeNames));
      }
    }
    return problems;
  }

  private ExpressionProblem explain(
      Expression expression,
      Site site,
      Scope scope,
      Optional<CelAbstractSyntaxTree> ast,
      CheckerSession.Issue issue,
      Set<String> typeNames) {
    Optional<CelExpr> node = ast.flatMap(a -> node(a, issue.exprId()));
    Matcher undeclared = UNDECLARED.matcher(issue.message());
    if (undeclared.matches()) {
      boolean call = node.map(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL).orElse(false);
      if (node.map(n -> n.getKind() == CelExpr.ExprKind.Kind.STRUCT).orElse(false)) {
        return unknownType(expression, site, issue, undeclared.group(1), typeNames);
      }
      return call
          ? unknownFunction(expression, site, issue, undeclared.group(1))
          : unknownName(expression, site, scope, issue, undeclared.group(1));
    }
    Matcher undefined = UNDEFINED_FIELD.matcher(issue.message());
    if (undefined.matches()) {
      return unknownField(expression, site, ast, node, issue, undefined.group(1));
    }
    Matcher fieldType = FIELD_TYPE.matcher(issue.message());
    if (fieldType.matches()) {
      Optional<ModelStruct> struct =
          ast.flatMap(a -> literalOf(a, issue.exprId()))
              .flatMap(n -> ast.flatMap(a -> a.getType(n.id())))
              .flatMap(types::struct);
      String expected = TypeNames.inMessage(fieldType.group(2));
      String given = TypeNames.inMessage(fieldType.group(3));
      String message =
          "%s gives the field `%s` of %s a value of type %s, but the field is %s."
              .formatted(
                  site.subject(),
                  fieldType.group(1),
                  struct.map(ModelStruct::description).orElse("the value"),
                  given,
                  expected);
      String hint =
          expected.equals("Float") && given.equals("Int")
              ? "write the number as a Float (`2.0`), or convert it with `double(...)`"
              : "give it a value of type " + expected;
      return problem(Kind.TYPE, expression, issue.offset(), message, hint);
    }
    Matcher overload = NO_OVERLOAD.matcher(issue.message());
    if (overload.matches() && ast.isPresent() && node.isPresent()) {
      String function = overload.group(1);
      boolean operator =
          function.startsWith("_") || function.endsWith("_") || function.startsWith("@");
      int at = operator ? issue.offset() : nameOffset(expression.text(), issue.offset(), function);
      return Overloads.explain(site, function, node.get(), ast.get(), memberOnly)
          .toProblem(this, expression, at);
    }
    String message =
        "%s does not type-check: %s."
            .formatted(site.subject(), TypeNames.inMessage(issue.message()));
    return problem(Kind.TYPE, expression, issue.offset(), message, "");
  }

  /**
   * An object literal must give every field its type requires: the record has no absent value for
   * it (a number may be a primitive), and CEL would read the left-out field as a default value.
   */
  List<ExpressionProblem> incompleteLiterals(
      Expression expression, Site site, CelAbstractSyntaxTree ast) {
    if (expression.text().indexOf('{') < 0) {
      return List.of(); // no literal, and no need to walk the tree
    }
    List<ExpressionProblem> problems = new ArrayList<>();
    for (CelExpr node : AstNodes.all(ast.getExpr())) {
      if (node.getKind() != CelExpr.ExprKind.Kind.STRUCT) {
        continue;
      }
      Optional<ModelStruct> struct = ast.getType(node.id()).flatMap(types::struct);
      if (struct.isEmpty()) {
        continue;
      }
      Set<String> given =
          node.struct().entries().stream()
              .map(CelExpr.CelStruct.Entry::fieldKey)
              .collect(Collectors.toSet());
      List<String> missing =
          struct.get().fields().stream()
              .filter(f -> f.constraints().required().map(Located::value).orElse(true))
              .map(f -> f.name())
              .filter(f -> !given.contains(f))
              .toList();
      if (!missing.isEmpty()) {
        int at = ast.getSource().getPositionsMap().getOrDefault(node.id(), 0);
        String name = node.struct().messageName();
        problems.add(
            problem(
                Kind.TYPE,
                expression,
                nameOffset(expression.text(), at, name),
                "%s builds a value of `%s` without %s, which %s requires."
                    .formatted(site.subject(), name, listed(missing), struct.get().description()),
                "give %s a value; only a field marked `required: false` may be left out"
                    .formatted(missing.size() == 1 ? "it" : "each")));
      }
    }
    return problems;
  }

  private ExpressionProblem unknownType(
      Expression expression,
      Site site,
      CheckerSession.Issue issue,
      String name,
      Set<String> typeNames) {
    String hint = Suggestions.didYouMean(name, typeNames);
    if (hint.isEmpty()) {
      hint =
          typeNames.isEmpty()
              ? "declare the type under `types:` (or as an entity of this aggregate)"
              : "the types a value can be built of here are " + listed(typeNames);
    }
    return problem(
        Kind.UNKNOWN_NAME,
        expression,
        nameOffset(expression.text(), issue.offset(), name),
        "%s builds a value of `%s`, which is not a type or entity known here."
            .formatted(site.subject(), name),
        hint);
  }

  /** The object literal holding the node or field entry {@code id}. */
  private static Optional<CelExpr> literalOf(CelAbstractSyntaxTree ast, long id) {
    return AstNodes.all(ast.getExpr()).stream()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.STRUCT)
        .filter(
            n ->
                n.id() == id
                    || n.struct().entries().stream()
                        .anyMatch(e -> e.id() == id || e.value().id() == id))
        .findFirst();
  }

  private ExpressionProblem unknownFunction(
      Expression expression, Site site, CheckerSession.Issue issue, String name) {
    String message =
        "%s calls `%s`, which is not a function CEL or Tracepaper knows."
            .formatted(site.subject(), name);
    String hint = Suggestions.didYouMean(name, functions);
    return problem(
        Kind.UNKNOWN_NAME,
        expression,
        nameOffset(expression.text(), issue.offset(), name),
        message,
        hint.isEmpty() ? "the functions are listed in docs/model-reference.md" : hint);
  }

  private ExpressionProblem unknownName(
      Expression expression, Site site, Scope scope, CheckerSession.Issue issue, String name) {
    String where = site.description();
    String available = "available here: " + listed(scope.names().keySet());
    if (site.place() == Place.LET
        && !scope.laterVariables().isEmpty()
        && scope.laterVariables().get(0).equals(name)) {
      return problem(
          Kind.UNKNOWN_NAME,
          expression,
          issue.offset(),
          "%s refers to itself.".formatted(site.subject()),
          "compute the variable from other names; a variable can only use the ones above it");
    }
    if (scope.laterVariables().contains(name)) {
      return problem(
          Kind.UNKNOWN_NAME,
          expression,
          issue.offset(),
          "%s uses the variable `%s` before it is defined.".formatted(site.subject(), name),
          "a variable can only use the variables defined above it in `let`; reorder `let`");
    }
    if (Scope.ROOTS.contains(name)) {
      String why = scope.why().isEmpty() ? "" : ": " + scope.why();
      return problem(
          Kind.UNKNOWN_NAME,
          expression,
          issue.offset(),
          "The name `%s` is not available in %s%s.".formatted(name, where, why),
          available);
    }
    if (enumValues.contains(name)) {
      return problem(
          Kind.UNKNOWN_NAME,
          expression,
          issue.offset(),
          "%s uses `%s` as a name; an enum value is written as a CEL string."
              .formatted(site.subject(), name),
          "write `'%s'` (in YAML: \"'%s'\")".formatted(name, name));
    }
    String hint = Suggestions.didYouMean(name, scope.names().keySet());
    return problem(
        Kind.UNKNOWN_NAME,
        expression,
        issue.offset(),
        "The name `%s` is not known in %s.".formatted(name, where),
        hint.isEmpty() ? available : hint);
  }

  private ExpressionProblem unknownField(
      Expression expression,
      Site site,
      Optional<CelAbstractSyntaxTree> ast,
      Optional<CelExpr> node,
      CheckerSession.Issue issue,
      String field) {
    Optional<CelExpr> literal =
        node.filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT).isPresent()
            ? Optional.empty()
            : ast.flatMap(a -> literalOf(a, issue.exprId()));
    Optional<ModelStruct> struct =
        literal.isPresent()
            ? ast.flatMap(a -> a.getType(literal.get().id())).flatMap(types::struct)
            : node.filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT)
                .flatMap(n -> ast.flatMap(a -> a.getType(n.select().operand().id())))
                .flatMap(types::struct);
    String owner = struct.map(ModelStruct::description).orElse("the value");
    String message =
        "%s %s the field `%s`, but %s has no such field."
            .formatted(site.subject(), literal.isPresent() ? "gives" : "reads", field, owner);
    Collection<String> fields = struct.map(ModelStruct::fieldNames).orElse(List.of());
    String hint = Suggestions.didYouMean(field, fields);
    if (hint.isEmpty() && !fields.isEmpty()) {
      hint = "its fields are " + listed(fields);
    }
    int at = fieldOffset(expression.text(), issue.offset(), field);
    return problem(Kind.UNKNOWN_FIELD, expression, at, message, hint);
  }

  /** CEL places a call at its parenthesis; point at the function's name instead. */
  private static int nameOffset(String text, int codePointOffset, String name) {
    int before = ExpressionLocator.charOffset(text, codePointOffset);
    int at = text.lastIndexOf(name, before);
    return at >= 0 ? text.codePointCount(0, at) : codePointOffset;
  }

  /** CEL places a field error at the dot; point at the field's name instead. */
  private static int fieldOffset(String text, int codePointOffset, String field) {
    int from = ExpressionLocator.charOffset(text, codePointOffset);
    int at = text.indexOf(field, from);
    return at >= 0 ? text.codePointCount(0, at) : codePointOffset;
  }

  ExpressionProblem problem(
      Kind kind, Expression expression, int codePointOffset, String message, String hint) {
    return new ExpressionProblem(
        kind, locator.locateCodePoint(expression, codePointOffset), message, hint);
  }

  static Optional<CelExpr> node(CelAbstractSyntaxTree ast, long id) {
    return AstNodes.all(ast.getExpr()).stream().filter(e -> e.id() == id).findFirst();
  }

  static String describe(Optional<CelType> type) {
    return type.map(TypeNames::describe).orElse("an unknown type");
  }

  static String listed(Collection<String> names) {
    return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }
}
