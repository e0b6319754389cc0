package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.GraphQlNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The GraphQL request with which the projector publishes a changed row of a notifying view. Its
 * selection names every stored field of the row, value types and entities field by field: AppSync
 * sends subscribers only what the mutation selected, so a field left out here would reach no one.
 */
final class ChangeDocument {

  private ChangeDocument() {}

  /** The request, one selection per line, indented by two spaces a level; ends with a newline. */
  static String of(ModelIndex index, View view, List<Field> stored, Optional<Aggregate> owner) {
    String mutation = GraphQlNames.changeMutation(view.name());
    StringBuilder out = new StringBuilder();
    out.append("mutation ")
        .append(Case.pascal(mutation))
        .append("($key: String!, $deleted: Boolean!, $row: AWSJSON) {\n");
    out.append("  ").append(mutation).append("(key: $key, deleted: $deleted, row: $row) {\n");
    out.append("    key\n    deleted\n    row {\n");
    select(out, index, stored, owner, Set.of(), "      ");
    out.append("    }\n  }\n}\n");
    return out.toString();
  }

  /**
   * Each field on its line, a value type or entity with its own fields inside braces. A type met
   * again inside itself (a type that holds a list of itself) is left out there: a selection cannot
   * go on for ever.
   */
  private static void select(
      StringBuilder out,
      ModelIndex index,
      List<Field> fields,
      Optional<Aggregate> owner,
      Set<String> path,
      String indent) {
    for (Field field : fields) {
      String name = GraphQlNames.field(field.name());
      String typeName = field.type().name();
      Optional<TypeDef> type =
          index.type(typeName).or(() -> owner.flatMap(a -> a.entity(typeName)));
      if (type.isEmpty()) {
        out.append(indent).append(name).append('\n');
      } else if (!path.contains(typeName)) {
        Set<String> inner =
            Stream.concat(path.stream(), Stream.of(typeName)).collect(Collectors.toSet());
        out.append(indent).append(name).append(" {\n");
        select(out, index, type.get().fields(), owner, inner, indent + "  ");
        out.append(indent).append("}\n");
      }
    }
  }
}
