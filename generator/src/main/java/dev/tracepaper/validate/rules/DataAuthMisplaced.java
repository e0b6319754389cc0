package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/**
 * {@code owner:<field>} or {@code {when: …}} in the {@code auth} of a command or of the app's
 * default: these read a row, which only a view or a query has. A command decides with a rule
 * ({@code code: UNAUTHORIZED}), which sees its input, the state and the caller.
 */
public final class DataAuthMisplaced implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    index
        .model()
        .app()
        .flatMap(app -> app.auth().defaultAuth())
        .ifPresent(
            auth ->
                report(
                    auth,
                    "The app's default `auth`",
                    "give `owner:` and `when:` on the views and queries they protect; the default"
                        + " admits by caller alone",
                    report));
    for (Command command : index.model().commands().toList()) {
      command
          .auth()
          .ifPresent(
              auth ->
                  report(
                      auth,
                      Words.capital(Words.describe(command)) + "'s `auth`",
                      "a command decides on the data with a rule, which sees `command`, `state` and"
                          + " `user`: `rules: [{require: '"
                          + example(auth)
                          + "', code: UNAUTHORIZED, message: …}]`",
                      report));
    }
  }

  private static String example(Auth auth) {
    return auth.owners().stream()
        .findFirst()
        .map(o -> "state." + o.value() + " == user.id")
        .orElse(auth.conditions().isEmpty() ? "…" : auth.conditions().get(0).text());
  }

  private static void report(Auth auth, String subject, String hint, Reporter report) {
    Optional<SourceLocation> at =
        auth.owners().stream()
            .map(Located::location)
            .findFirst()
            .or(() -> auth.conditions().stream().map(c -> c.location()).findFirst());
    at.ifPresent(
        location ->
            report.error(
                location,
                "%s depends on the data (`owner:` or `when:`), which only a view's or a query's"
                        .formatted(subject)
                    + " `auth` can.",
                hint));
  }
}
