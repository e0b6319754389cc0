package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a query admits in a scenario, from its auth (else its view's, else the app's default), as the
 * generated {@code ScenariosTest} and {@code tracepaper test} both check it.
 *
 * @param roles the roles that admit a signed-in caller; empty when any signed-in caller is admitted
 *     (or owners decide)
 * @param owners the row fields that admit the caller whose id they hold ({@code owner:<field>})
 */
public record QueryAccess(List<String> roles, List<String> owners) {

  public QueryAccess {
    roles = List.copyOf(roles);
    owners = List.copyOf(owners);
  }

  public static QueryAccess of(ModelIndex index, View view, Query query) {
    Optional<Auth> auth =
        query
            .auth()
            .or(view::auth)
            .or(() -> index.model().app().flatMap(a -> a.auth().defaultAuth()));
    // Roles alone, or owners, narrow who reads; any other mode admits every signed-in caller, and
    // a `when` entry is not evaluated in scenarios, so it admits every caller too (documented).
    List<String> roles = new ArrayList<>();
    boolean open = auth.isEmpty() || !auth.get().conditions().isEmpty();
    for (AuthMode mode : auth.map(Auth::modes).orElse(List.of())) {
      if (mode.kind() == AuthMode.Kind.ROLE) {
        mode.role().ifPresent(roles::add);
      } else {
        open = true;
      }
    }
    return open
        ? new QueryAccess(List.of(), List.of())
        : new QueryAccess(roles, auth.get().owners().stream().map(Located::value).toList());
  }
}
