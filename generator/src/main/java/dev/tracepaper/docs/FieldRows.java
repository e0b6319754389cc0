package dev.tracepaper.docs;

import dev.tracepaper.docs.Pages.FieldRow;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fields and access as the pages show them: in the model's words, with links to their types. */
final class FieldRows {

  private final ModelIndex index;
  private final String root;

  /** {@code root}: the way from the page to the site's top folder ({@code ""} or {@code "../"}). */
  FieldRows(ModelIndex index, String root) {
    this.index = index;
    this.root = root;
  }

  /**
   * The rows of {@code fields}; {@code command} says whether they are a command's input, where a
   * field is required unless it says otherwise.
   */
  List<FieldRow> rows(List<Field> fields, Optional<Aggregate> owner, boolean command) {
    List<FieldRow> rows = new ArrayList<>();
    for (Field field : fields) {
      rows.add(
          new FieldRow(
              field.name(),
              field.type().toString(),
              typeHref(field, owner),
              field.isRequired(command),
              rules(field.constraints()),
              field.constraints().description().orElse("")));
    }
    return rows;
  }

  private String typeHref(Field field, Optional<Aggregate> owner) {
    String name = field.type().name();
    return switch (index.kindOf(field.type(), owner)) {
      case ENUM, TYPE -> root + "glossary.html#term-" + name;
      case ENTITY ->
          owner.map(a -> root + "aggregates/" + a.name() + ".html#entity-" + name).orElse("");
      case VIEW -> root + "views.html#view-" + name;
      default -> "";
    };
  }

  private static String rules(Constraints c) {
    List<String> rules = new ArrayList<>();
    c.pattern().ifPresent(p -> rules.add("matches " + p.value()));
    c.min().ifPresent(v -> rules.add("at least " + v.value().toPlainString()));
    c.max().ifPresent(v -> rules.add("at most " + v.value().toPlainString()));
    c.minLength().ifPresent(v -> rules.add("at least " + v.value() + " characters"));
    c.maxLength().ifPresent(v -> rules.add("at most " + v.value() + " characters"));
    c.minItems().ifPresent(v -> rules.add("at least " + v.value() + " items"));
    c.maxItems().ifPresent(v -> rules.add("at most " + v.value() + " items"));
    c.defaultValue().ifPresent(v -> rules.add("default " + Values.nested(v.value())));
    c.autoFill().ifPresent(v -> rules.add("filled in by the system (" + v.value() + ")"));
    c.key().ifPresent(v -> rules.add("identified by " + v.value()));
    c.ref().ifPresent(v -> rules.add("refers to " + v.value()));
    c.refs().ifPresent(v -> rules.add("refers to rows of " + v.value()));
    c.by().ifPresent(v -> rules.add("by " + v.value()));
    c.prefix().ifPresent(v -> rules.add("prefix " + v.value()));
    return String.join("; ", rules);
  }

  /** Who may: the entries of an {@code auth}, any one of which admits a caller. */
  static String auth(Optional<Auth> auth, String fallback) {
    if (auth.isEmpty()) {
      return fallback;
    }
    List<String> who = new ArrayList<>();
    for (AuthMode mode : auth.get().modes()) {
      who.add(
          switch (mode.kind()) {
            case ANONYMOUS -> "anyone (with the API key)";
            case AUTHENTICATED -> "any signed-in user";
            case IAM -> "other AWS services (IAM)";
            case ROLE -> "role " + mode.role().orElse("");
          });
    }
    for (Located<String> owner : auth.get().owners()) {
      who.add("the user whose id is in " + owner.value());
    }
    auth.get().conditions().forEach(c -> who.add("a caller for whom " + c.text()));
    return String.join(" or ", who);
  }
}
