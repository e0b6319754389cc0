package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Auth;
import dev.tracepaper.source.SourceLocation;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call a mutation or query changed (its own {@code auth} or the app's default): widened
 * admits callers who were refused, narrowed refuses callers who were admitted.
 */
public final class AuthorizationChanged implements DiffRule {

  private static final String AUTHENTICATED = "authenticated";

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.REVIEW;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    defaultChanged(change, report);
    var commands = Elements.commands(change.newModel());
    for (Elements.OwnedCommand old : Elements.commands(change.oldModel()).values()) {
      Elements.OwnedCommand now = commands.get(old.command().name());
      if (now != null) {
        compare(
            change,
            report,
            "mutation " + now.mutation() + " (" + now.qualified() + ")",
            old.command().auth(),
            now.command().auth(),
            now.command().location());
      }
    }
    var queries = Elements.queries(change.newModel());
    for (Elements.ApiQuery old : Elements.queries(change.oldModel()).values()) {
      Elements.ApiQuery now = queries.get(old.field());
      if (now != null) {
        compare(
            change,
            report,
            "query " + now.field() + " (view " + now.view().name() + ")",
            old.auth(),
            now.auth(),
            now.location());
      }
    }
  }

  private static void compare(
      ModelChange change,
      DiffReporter report,
      String what,
      Optional<Auth> oldAuth,
      Optional<Auth> newAuth,
      SourceLocation element) {
    if (oldAuth.isEmpty() && newAuth.isEmpty()) {
      return; // it follows the app's default: said once, at the default
    }
    Set<String> before = Elements.access(change.oldModel(), oldAuth);
    Set<String> after = Elements.access(change.newModel(), newAuth);
    if (before.equals(after)) {
      return;
    }
    report(
        report,
        change.current().at(newAuth.map(Auth::location).orElse(element)),
        what,
        before,
        after);
  }

  /** The app's default auth, which every mutation and query without its own follows. */
  private static void defaultChanged(ModelChange change, DiffReporter report) {
    Set<String> before = Elements.access(change.oldModel(), Optional.empty());
    Set<String> after = Elements.access(change.newModel(), Optional.empty());
    if (before.equals(after)) {
      return;
    }
    SourceLocation at =
        change
            .newModel()
            .app()
            .flatMap(app -> app.auth().defaultAuth())
            .map(Auth::location)
            .or(() -> change.newModel().app().map(app -> app.location()))
            .orElse(SourceLocation.NONE);
    report(
        report,
        change.current().at(at),
        "the app's default auth (of every mutation and query without its own `auth`)",
        before,
        after);
  }

  private static void report(
      DiffReporter report, SourceLocation at, String what, Set<String> before, Set<String> after) {
    boolean widened = after.stream().anyMatch(m -> !covered(m, before));
    boolean narrowed = before.stream().anyMatch(m -> !covered(m, after));
    String how =
        widened && narrowed
            ? "admits other callers"
            : widened
                ? "is widened: it admits callers it refused"
                : "is narrowed: it refuses callers it admitted";
    report.report(
        at,
        "%s %s: %s → %s".formatted(what, how, String.join(", ", before), String.join(", ", after)),
        narrowed
            ? "make sure no client that loses access still calls it; see docs/evolution.md"
            : "make sure every newly admitted caller should be; see docs/evolution.md");
  }

  /** Whether the callers {@code mode} admits are admitted by {@code modes} too. */
  private static boolean covered(String mode, Set<String> modes) {
    return modes.contains(mode) || (mode.startsWith("role:") && modes.contains(AUTHENTICATED));
  }
}
