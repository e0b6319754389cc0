package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * {@code owner:<field>} or {@code {when: …}} in the {@code auth} of the app's default, which admits
 * by caller alone, or {@code owner:<field>} in the {@code auth} of a command: it reads a row, which
 * only a view or a query has. A command decides on its state with a rule ({@code code:
 * UNAUTHORIZED}); its {@code when} sees the input and the caller.
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
                first(auth)
                    .ifPresent(
                        at ->
                            report.error(
                                at,
                                "The app's default `auth` depends on the data (`owner:` or"
                                    + " `when:`), but the default admits by caller alone.",
                                "give `owner:` and `when:` on the views, queries and commands they"
                                    + " protect")));
    for (Command command : index.model().commands().toList()) {
      for (Located<String> owner : command.auth().map(Auth::owners).orElse(List.of())) {
        report.error(
            owner.location(),
            "%s's `auth` names `owner:%s`, but a command has no row to own: its state is loaded"
                    .formatted(Words.capital(Words.describe(command)), owner.value())
                + " after the caller is admitted.",
            "a command decides on its state with a rule, which sees `command`, `state` and `user`:"
                + " `rules: [{require: 'state.%s == user.id', code: UNAUTHORIZED, message: …}]`"
                    .formatted(owner.value()));
      }
    }
  }

  private static Optional<SourceLocation> first(Auth auth) {
    return auth.owners().stream()
        .map(Located::location)
        .findFirst()
        .or(() -> auth.conditions().stream().map(c -> c.location()).findFirst());
  }
}
