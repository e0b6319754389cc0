package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code auth}: one mode or a list of modes. */
final class AuthReader {

  private static final List<String> MODES =
      List.of("anonymous", "authenticated", "iam", "role:<name>");

  private final Nodes nodes;

  AuthReader(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Reads an auth setting; {@code what} names it, e.g. "the `auth` of command `LendBook`". */
  Optional<Auth> auth(YamlNode node, String what) {
    List<AuthMode> modes = new ArrayList<>();
    nodes
        .list(node, what)
        .ifPresent(
            items -> {
              for (YamlNode item : items) {
                nodes.text(item, what).flatMap(t -> mode(t, what)).ifPresent(modes::add);
              }
            });
    if (modes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Auth(modes, node.location()));
  }

  private Optional<AuthMode> mode(Located<String> text, String what) {
    String value = text.value().trim();
    SourceLocation location = text.location();
    if (value.startsWith("role:")) {
      String role = value.substring("role:".length()).trim();
      if (!role.isEmpty()) {
        return Optional.of(new AuthMode(AuthMode.Kind.ROLE, Optional.of(role), location));
      }
    } else {
      for (AuthMode.Kind kind : AuthMode.Kind.values()) {
        if (kind != AuthMode.Kind.ROLE && kind.name().toLowerCase(Locale.ROOT).equals(value)) {
          return Optional.of(new AuthMode(kind, Optional.empty(), location));
        }
      }
    }
    String hint = Suggestions.didYouMean(value, List.of("anonymous", "authenticated", "iam"));
    if (hint.isEmpty() && value.matches("[a-z][a-z0-9-]*")) {
      hint =
          "a role is written `role:%s`; the other modes are anonymous, authenticated and iam"
              .formatted(value);
    }
    nodes.report(
        Diagnostic.error(
                Nodes.INVALID_VALUE,
                location,
                "%s names `%s`, which is not a way of admitting callers."
                    .formatted(Nodes.capital(what), value))
            .withHint(hint.isEmpty() ? "use one of: " + String.join(", ", MODES) : hint));
    return Optional.empty();
  }
}
