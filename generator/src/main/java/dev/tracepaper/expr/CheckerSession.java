package dev.tracepaper.expr;

import dev.cel.checker.CelIdentDecl;
import dev.cel.checker.Env;
import dev.cel.checker.ExprChecker;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelContainer;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.internal.Errors;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;
import dev.tracepaper.model.Aggregate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses and type-checks the expressions of one model.
 *
 * <p>dev.cel's public compiler rebuilds its whole checking environment (several hundred standard
 * overloads) on every call, which costs about 0.3 ms per expression; a model of 1000 aggregates has
 * tens of thousands of expressions. This class therefore builds dev.cel's checker {@code Env} once
 * and checks each expression in a fresh scope of it, through the lower-level API the public checker
 * itself uses ({@code Env}, {@code ExprChecker}, {@code Errors}). It is the only class that touches
 * that API, so a dev.cel upgrade that changes it breaks here and nowhere else.
 */
final class CheckerSession {

  /** A problem CEL found, at a code point offset into the expression. */
  record Issue(int offset, String message, long exprId) {}

  record Parsed(Optional<CelAbstractSyntaxTree> ast, List<Issue> errors) {}

  record Checked(Optional<CelAbstractSyntaxTree> ast, List<Issue> errors) {}

  static final CelOptions OPTIONS =
      CelOptions.current()
          .populateMacroCalls(true)
          .enableHeterogeneousNumericComparisons(true)
          // A field named like a CEL keyword is selected quoted: command.`in` (docs/naming.md).
          .enableQuotedIdentifierSyntax(true)
          .build();

  private static final CelParser PARSER =
      CelParserFactory.standardCelParserBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .build();

  private static final CelContainer CONTAINER = CelContainer.ofName("");

  /** The shared error list only grows; start afresh now and then to keep reading it cheap. */
  private static final int ERRORS_BEFORE_RENEWAL = 1000;

  private final ModelTypeProvider provider;
  private final Map<String, Parsed> parsed = new HashMap<>();
  private Errors errors;
  private Env env;
  private Aggregate entitiesOf;
  private Map<String, CelType> entities = Map.of();

  CheckerSession(ModelTypeProvider provider) {
    this.provider = provider;
    renew();
  }

  /**
   * Parsing depends on the text alone and parsed trees are immutable, so equal texts (common:
   * {@code event.isbn}, {@code state.available + 1}) are parsed once.
   */
  Parsed parse(String text) {
    Parsed known = parsed.get(text);
    if (known == null) {
      known = parseAnew(text);
      parsed.put(text, known);
    }
    return known;
  }

  private Parsed parseAnew(String text) {
    try {
      CelValidationResult result = PARSER.parse(text, "expression");
      if (!result.hasError()) {
        return new Parsed(Optional.of(result.getAst()), List.of());
      }
      List<Issue> issues = new ArrayList<>();
      for (CelIssue issue : result.getErrors()) {
        int offset = result.getSource().getLocationOffset(issue.getSourceLocation()).orElse(0);
        issues.add(new Issue(offset, issue.getMessage(), issue.getExprId()));
      }
      return new Parsed(Optional.empty(), issues);
    } catch (CelValidationException | RuntimeException e) {
      return new Parsed(Optional.empty(), List.of(new Issue(0, String.valueOf(e.getMessage()), 0)));
    }
  }

  /**
   * Checks a parsed expression with exactly {@code names} in scope. Errors keep their position in
   * the expression; they are never rendered by CEL, so no source context is entered.
   */
  Checked check(CelAbstractSyntaxTree parsed, Map<String, CelType> names) {
    return check(parsed, names, Optional.empty());
  }

  /**
   * Checks as above, seen from the aggregate {@code owner}: its entities are types an object
   * literal may build ({@code Loan{loanId: ...}}), besides the model's value types.
   */
  Checked check(
      CelAbstractSyntaxTree parsed, Map<String, CelType> names, Optional<Aggregate> owner) {
    if (errors.getErrorCount() > ERRORS_BEFORE_RENEWAL) {
      renew();
    }
    int before = errors.getErrorCount();
    int depth = env.scopeDepth();
    try {
      env.enterScope();
      entities(owner).forEach((name, type) -> env.add(typeName(name, type)));
      names.forEach((name, type) -> env.add(CelIdentDecl.newIdentDeclaration(name, type)));
      CelAbstractSyntaxTree checked =
          ExprChecker.typecheck(env, CONTAINER, parsed, com.google.common.base.Optional.absent());
      return new Checked(Optional.of(checked), newErrors(before));
    } catch (RuntimeException e) {
      List<Issue> issues = new ArrayList<>(newErrors(before));
      issues.add(new Issue(0, "the checker failed: " + e.getMessage(), 0));
      return new Checked(Optional.empty(), issues);
    } finally {
      while (env.scopeDepth() > depth) {
        env.exitScope();
      }
    }
  }

  /** A unit's expressions are checked one after the other: its entities are looked up once. */
  private Map<String, CelType> entities(Optional<Aggregate> owner) {
    if (owner.isEmpty()) {
      return Map.of();
    }
    if (entitiesOf != owner.get()) {
      entitiesOf = owner.get();
      entities = provider.types().entities(owner);
    }
    return entities;
  }

  /** Every function name the checker knows, for "did you mean" hints. */
  Set<String> functionNames() {
    Set<String> names = new TreeSet<>();
    for (int scope = 0; scope <= env.scopeDepth(); scope++) {
      env.getDeclGroup(scope).getFunctions().keySet().stream()
          .filter(n -> Character.isLetter(n.charAt(0)))
          .forEach(names::add);
    }
    names.addAll(Set.of("has", "all", "exists", "exists_one", "map", "filter"));
    return names;
  }

  /** Functions called only on a value ({@code x.trim()}), never as {@code trim(x)}. */
  Set<String> memberOnlyFunctions() {
    Set<String> names = new TreeSet<>();
    for (int scope = 0; scope <= env.scopeDepth(); scope++) {
      env.getDeclGroup(scope).getFunctions().values().stream()
          .filter(f -> f.overloads().stream().allMatch(o -> o.isInstanceFunction()))
          .forEach(f -> names.add(f.name()));
    }
    return names;
  }

  private List<Issue> newErrors(int before) {
    if (errors.getErrorCount() == before) {
      return List.of();
    }
    return errors.getErrors().subList(before, errors.getErrorCount()).stream()
        .map(e -> new Issue(Math.max(0, e.position()), e.rawMessage(), e.exprId()))
        .toList();
  }

  private void renew() {
    errors = new Errors("model", "");
    env = Env.standard(errors, provider, OPTIONS);
    Functions.declarations().forEach(env::add);
    provider.types().valueTypes().forEach((name, type) -> env.add(typeName(name, type)));
  }

  /**
   * A model type by its own name, as CEL's object literal {@code Address{street: ...}} names it.
   * The struct itself keeps its internal name, so a value built here is the same type as a field of
   * that type.
   */
  private static CelIdentDecl typeName(String name, CelType struct) {
    return CelIdentDecl.newIdentDeclaration(name, TypeType.create(struct));
  }
}
