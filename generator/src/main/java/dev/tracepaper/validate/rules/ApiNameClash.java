package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.Reserved;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.GeneratedNames.Claim;
import dev.tracepaper.validate.rules.GeneratedNames.Namespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code api} namespace that cannot be served: a path that is both a field and a namespace
 * ({@code Project.get} a query and {@code Project.get.token} another), or a namespace whose
 * generated type ({@code ProjectMutations}) or resolver takes a name the schema or the template
 * already has. Two fields of one path are NameCollision's to report.
 */
public final class ApiNameClash implements Rule {

  private static final String HINT = "give one of them another `api` name";

  /** A field of {@code Mutation} or {@code Query} by its path, and the element it serves. */
  private record ApiField(
      String root, List<String> path, NamedElement element, SourceLocation at, boolean named) {

    String written() {
      return String.join(".", path);
    }

    String describe() {
      return named
          ? "the `api` name `%s` of %s".formatted(written(), element.describe())
          : "the %s `%s` of %s".formatted(kindOfField(), written(), element.describe());
    }

    String kindOfField() {
      return root.equals(GraphQlNames.MUTATION) ? "mutation" : "query";
    }
  }

  @Override
  public void check(ModelIndex model, Reporter report) {
    List<ApiField> fields = fields(model);
    if (fields.stream().noneMatch(f -> f.path().size() > 1)) {
      return;
    }
    Map<String, ApiField> leaves = new HashMap<>();
    fields.forEach(f -> leaves.putIfAbsent(f.root() + " " + f.written(), f));
    Map<String, String> namespaceTypes = new HashMap<>();
    Map<String, Owner> taken = taken(model);
    for (ApiField field : fields) {
      for (int length = 1; length < field.path().size(); length++) {
        List<String> namespace = field.path().subList(0, length);
        String path = String.join(".", namespace);
        ApiField leaf = leaves.get(field.root() + " " + path);
        if (leaf != null) {
          report.error(
              field.at(),
              "%s makes `%s` a namespace, but `%s` is a %s itself: %s, defined at %s."
                  .formatted(
                      capitalized(field.describe()),
                      path,
                      path,
                      field.kindOfField(),
                      leaf.describe(),
                      leaf.element().location()),
              HINT,
              leaf.element().location());
          break;
        }
        String type = GraphQlNames.namespaceType(field.root(), namespace);
        String key = field.root() + " " + path;
        String earlier = namespaceTypes.putIfAbsent(type, key);
        if (earlier != null && !earlier.equals(key)) {
          report.error(
              field.at(),
              "%s makes the namespace `%s`, whose GraphQL type `%s` is the type of the namespace `%s`"
                      .formatted(
                          capitalized(field.describe()), path, type, earlier.split(" ", 2)[1])
                  + " too.",
              "spell the namespaces so that they differ once their parts are joined");
          break;
        }
        if (earlier == null) {
          // A namespace's resolver claims its logical id, so that another namespace that
          // differs only in case (`BC` and `Bc`) is reported like any other taker.
          String resolver =
              AwsNames.namespaceResolverId(
                  GraphQlNames.parentType(field.root(), namespace), namespace.get(length - 1));
          if (clash(field, path, type, taken, report)) {
            break;
          }
          taken.putIfAbsent(Namespace.LOGICAL_ID + " " + resolver, new Owner(field.element()));
        }
      }
    }
  }

  /** Reports a namespace whose type or resolver takes a generated name; whether it did. */
  private static boolean clash(
      ApiField field, String path, String type, Map<String, Owner> taken, Reporter report) {
    Optional<String> reserved = Reserved.graphQlType(type);
    Owner owner = taken.get(Namespace.GRAPHQL_TYPE + " " + type);
    String parent = GraphQlNames.parentType(field.root(), GraphQlNames.apiPath(path));
    String resolver = AwsNames.namespaceResolverId(parent, last(path));
    Owner resolverOwner = taken.get(Namespace.LOGICAL_ID + " " + resolver);
    String problem;
    if (reserved.isPresent()) {
      problem = "its GraphQL type `%s` is taken: %s".formatted(type, reserved.get());
    } else if (owner != null) {
      problem =
          "its GraphQL type `%s` is also made by %s, defined at %s"
              .formatted(type, owner.element().describe(), owner.element().location());
    } else if (resolverOwner != null) {
      problem =
          "its resolver `%s` is also a resource of %s, defined at %s"
              .formatted(
                  resolver, resolverOwner.element().describe(), resolverOwner.element().location());
    } else {
      return false;
    }
    report.error(
        field.at(),
        "%s makes the namespace `%s`, but %s."
            .formatted(capitalized(field.describe()), path, problem),
        "give the namespace another name, or rename the other element");
    return true;
  }

  /** The GraphQL types and logical ids the model's elements produce, by namespace and name. */
  private static Map<String, Owner> taken(ModelIndex model) {
    GeneratedNames generated = GeneratedNames.of(model);
    Map<String, Owner> taken = new HashMap<>();
    for (NamedElement e : NamedElements.of(model)) {
      if (e.shadowed() || !ValidNames.isUsable(e)) {
        continue;
      }
      for (Claim c : generated.of(e)) {
        if (c.namespace() == Namespace.GRAPHQL_TYPE || c.namespace() == Namespace.LOGICAL_ID) {
          taken.putIfAbsent(c.namespace() + " " + c.name(), new Owner(e));
        }
      }
    }
    return taken;
  }

  private record Owner(NamedElement element) {}

  /** Every field of the two roots, in model order, that the model's commands and views make. */
  private static List<ApiField> fields(ModelIndex model) {
    List<ApiField> fields = new ArrayList<>();
    for (NamedElement e : NamedElements.of(model)) {
      if (e.shadowed() || !ValidNames.isUsable(e)) {
        continue;
      }
      switch (e.kind()) {
        case COMMAND -> {
          Optional<Located<String>> api = ((Command) e.definition()).api();
          add(fields, GraphQlNames.MUTATION, api, GraphQlNames.mutation(e.name()), e);
        }
        case QUERY -> {
          Optional<Located<String>> api = ((Query) e.definition()).api();
          add(fields, GraphQlNames.QUERY, api, GeneratedNames.queryField(e), e);
        }
        case CUSTOM_QUERY -> {
          Optional<Located<String>> api = ((CustomQuery) e.definition()).api();
          add(fields, GraphQlNames.QUERY, api, GraphQlNames.field(e.name()), e);
        }
        case VIEW -> {
          if (e.definition() instanceof View v && v.queries().isEmpty()) {
            add(fields, GraphQlNames.QUERY, Optional.empty(), GraphQlNames.getQuery(e.name()), e);
            add(fields, GraphQlNames.QUERY, Optional.empty(), GraphQlNames.listQuery(e.name()), e);
          }
        }
        default -> {}
      }
    }
    return fields;
  }

  private static void add(
      List<ApiField> fields,
      String root,
      Optional<Located<String>> api,
      String derived,
      NamedElement e) {
    if (api.isPresent() && !InvalidApiName.isValid(api.get().value())) {
      return;
    }
    String written = api.map(Located::value).orElse(derived);
    SourceLocation at = api.map(Located::location).orElse(e.location());
    fields.add(new ApiField(root, GraphQlNames.apiPath(written), e, at, api.isPresent()));
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
