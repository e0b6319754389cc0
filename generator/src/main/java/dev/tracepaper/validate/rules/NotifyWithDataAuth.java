package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.KeyedSubscriptions;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code notify: true} on a view or command whose {@code auth} depends on the data ({@code
 * owner:<field>} or {@code {when: …}}, on the view or on one of its queries). An AppSync
 * subscription admits a subscriber once, when it subscribes: it cannot check each row (or each
 * command's input) against each subscriber, so it would deliver rows the subscriber's own queries
 * refuse. One form is decided at subscribe time: a view whose {@code get} query decides by the key
 * and the caller alone gets a keyed subscription, admitted as {@code get} admits (see {@link
 * KeyedSubscriptions}); its other queries' auth does not matter, since a subscriber receives only
 * the rows of the key {@code get} admitted them to.
 */
public final class NotifyWithDataAuth implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (View view : index.model().views()) {
      if (!view.notifies() || KeyedSubscriptions.keyed(index, view)) {
        continue;
      }
      List<Auth> auths = new ArrayList<>();
      view.auth().ifPresent(auths::add);
      view.queries().orElse(List.of()).stream()
          .map(Query::auth)
          .flatMap(Optional::stream)
          .forEach(auths::add);
      auths.stream()
          .filter(Auth::dependsOnData)
          .findFirst()
          .ifPresent(
              auth ->
                  report.error(
                      view.notification().orElseThrow().location(),
                      ("View `%s` has `notify: true`, but who may read its rows depends on the"
                              + " data (%s): a subscription admits a subscriber once, by caller"
                              + " and key, and would send them rows their queries refuse.")
                          .formatted(view.name(), first(auth)),
                      "leave `notify` out, or let the view's `get` query decide by its key and"
                          + " the caller alone (`owner:<key field>`, or a `when` over `args` and"
                          + " `user` that reads no `row`), or give the view and its queries an"
                          + " `auth` of modes and roles only (`authenticated`, `role:…`, `iam`,"
                          + " `anonymous`)",
                      auth.location()));
    }
    for (Command command : index.model().commands().toList()) {
      if (command.notifies() && command.auth().filter(Auth::dependsOnData).isPresent()) {
        Auth auth = command.auth().orElseThrow();
        report.error(
            command.notification().orElseThrow().location(),
            ("Command `%s` has `notify: true`, but its `auth` depends on the input (%s): a"
                    + " subscription admits a subscriber once, by caller, and would send them the"
                    + " results of calls they could not make.")
                .formatted(command.name(), first(auth)),
            "leave `notify` out, or give the command an `auth` of modes and roles only",
            auth.location());
      }
    }
  }

  /** The first data entry, as written: {@code owner:assignee} or {@code when: …}. */
  private static String first(Auth auth) {
    return auth.owners().stream()
        .map(Located::value)
        .map(o -> "`owner:" + o + "`")
        .findFirst()
        .orElseGet(() -> "`when: " + auth.conditions().get(0).text() + "`");
  }
}
