package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code auth}: one entry or a list of entries. An entry is a mode, {@code owner:<field>}, or
 * {@code {when: CEL}}.
 */
final class AuthReader {

  private static final List<String> MODES =
      List.of("anonymous", "authenticated", "iam", "role:<name>", "owner:<field>", "{when: …}");

  private static final String OWNER = "owner:";

  private final Nodes nodes;

  AuthReader(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Reads an auth setting; {@code what} names it, e.g. "the `auth` of command `LendBook`". */
  Optional<Auth> auth(YamlNode node, String what) {
    List<AuthMode> modes = new ArrayList<>();
    List<Located<String>> owners = new ArrayList<>();
    List<Expression> conditions = new ArrayList<>();
    List<YamlNode> items =
        node instanceof MappingNode ? List.of(node) : nodes.list(node, what).orElse(List.of());
    for (YamlNode item : items) {
      if (item instanceof MappingNode condition) {
        nodes.checkKeys(condition, Set.of("when"), what);
        nodes
            .required(condition, "when", what)
            .flatMap(n -> nodes.expression(n, "the `when` of " + what))
            .ifPresent(conditions::add);
        continue;
      }
      Optional<Located<String>> text = nodes.text(item, what);
      Optional<Located<String>> owner = text.flatMap(t -> owner(t, what));
      if (owner.isPresent()) {
        owners.add(owner.get());
      } else if (text.isPresent() && !text.get().value().trim().startsWith(OWNER)) {
        mode(text.get(), what).ifPresent(modes::add);
      }
    }
    if (modes.isEmpty() && owners.isEmpty() && conditions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Auth(modes, owners, conditions, node.location()));
  }

  /** {@code owner:<field>}: the field's name; a missing name is reported here. */
  private Optional<Located<String>> owner(Located<String> text, String what) {
    String value = text.value().trim();
    if (!value.startsWith(OWNER)) {
      return Optional.empty();
    }
    String field = value.substring(OWNER.length()).trim();
    if (field.isEmpty()) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  text.location(),
                  "%s has `owner:` without a field.".formatted(Nodes.capital(what)))
              .withHint(
                  "name the field of the row that holds its owner's id, e.g. `owner:ownerId`"));
      return Optional.empty();
    }
    return Optional.of(new Located<>(field, text.location()));
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
