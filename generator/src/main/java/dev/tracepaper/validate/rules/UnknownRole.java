package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A role named in an {@code auth} (of the app, a command, a view or a query) or by a test's caller
 * ({@code as: {roles: […]}}) is not listed in {@code app.auth.roles}.
 */
public final class UnknownRole implements Rule {

  private static final String ROLE_PREFIX = "role:";

  /** One place naming a role; {@code subject} says who, such as "Command `LendBook` admits". */
  private record RoleUse(String role, String written, String subject, SourceLocation location) {}

  @Override
  public void check(ModelIndex index, Reporter report) {
    Set<String> roles = index.roles();
    for (RoleUse use : uses(index)) {
      if (roles.contains(use.role())) {
        continue;
      }
      if (roles.isEmpty()) {
        report.error(
            use.location(),
            "%s `%s`, but `app.auth.roles` lists no roles.".formatted(use.subject(), use.written()),
            "list every role the model names under `app.auth.roles`, such as `roles: [%s]`"
                .formatted(yamlItem(use.role())));
        continue;
      }
      report.error(
          use.location(),
          "%s `%s`, but `%s` is not one of the roles in `app.auth.roles`."
              .formatted(use.subject(), use.written(), use.role()),
          hint(use, roles),
          rolesLocation(index));
    }
  }

  /**
   * The role as an item of a YAML flow list: as it is when plain, else single-quoted, so that the
   * hint can be pasted as written whatever the group name holds ({@code ,}, {@code #}, quotes).
   */
  static String yamlItem(String role) {
    return role.matches("[A-Za-z][A-Za-z0-9_-]*") ? role : "'" + role.replace("'", "''") + "'";
  }

  private static String hint(RoleUse use, Set<String> roles) {
    if (use.role().startsWith(ROLE_PREFIX)
        && roles.contains(use.role().substring(ROLE_PREFIX.length()))) {
      return "a caller's roles are written without `role:`: `%s`"
          .formatted(use.role().substring(ROLE_PREFIX.length()));
    }
    String hint = Suggestions.didYouMean(use.role(), roles);
    return hint.isEmpty()
        ? "add `%s` to `app.auth.roles`, or use one of %s"
            .formatted(
                yamlItem(use.role()), Words.quotedList(roles.stream().sorted().toList(), "or"))
        : hint;
  }

  private static SourceLocation[] rolesLocation(ModelIndex index) {
    return index
        .model()
        .app()
        .map(app -> new SourceLocation[] {app.auth().location()})
        .orElse(new SourceLocation[0]);
  }

  private static List<RoleUse> uses(ModelIndex index) {
    List<RoleUse> uses = new ArrayList<>();
    index
        .model()
        .app()
        .flatMap(app -> app.auth().defaultAuth())
        .ifPresent(auth -> admits(auth, "The app's default `auth` admits", uses));
    index
        .model()
        .commands()
        .forEach(c -> admits(c.auth(), Words.capital(Words.describe(c)) + " admits", uses));
    for (View view : index.model().views()) {
      admits(view.auth(), "View `%s` admits".formatted(view.name()), uses);
      for (Query query : view.queries().orElse(List.of())) {
        String subject = "The query `%s` of view `%s` admits".formatted(query.name(), view.name());
        admits(query.auth(), subject, uses);
      }
    }
    index.model().flows().forEach(flow -> callers(flow, uses));
    return uses;
  }

  private static void admits(Optional<Auth> auth, String subject, List<RoleUse> uses) {
    auth.ifPresent(a -> admits(a, subject, uses));
  }

  private static void admits(Auth auth, String subject, List<RoleUse> uses) {
    for (AuthMode mode : auth.modes()) {
      if (mode.kind() == AuthMode.Kind.ROLE && mode.role().isPresent()) {
        uses.add(new RoleUse(mode.role().get(), mode.toString(), subject, mode.location()));
      }
    }
  }

  private static void callers(Flow flow, List<RoleUse> uses) {
    for (TestCase test : flow.tests()) {
      String subject =
          "Test `%s` of %s calls with the role".formatted(test.name(), Words.describe(flow));
      for (Located<String> role : test.as().map(TestCase.Caller::roles).orElse(List.of())) {
        if (keptElsewhere(role.value())) {
          continue;
        }
        uses.add(new RoleUse(role.value(), role.value(), subject, role.location()));
      }
    }
  }

  /**
   * A test caller's group holding other characters than letters, digits, {@code -} and {@code _}
   * ({@code w1:member}, {@code D3308175807:draftsman-administrator}) is a group kept outside the
   * model, which a {@code when} condition computes from the data (unless it is a model role written
   * with {@code role:}, which gets its own hint); the template creates none of them, so they are
   * not listed in {@code app.auth.roles} and a test must still be able to call as a member of one.
   * Plain words are checked, so a misspelt role is still found.
   */
  private static boolean keptElsewhere(String role) {
    return !role.startsWith(ROLE_PREFIX) && !role.matches("[A-Za-z0-9_-]+");
  }
}
