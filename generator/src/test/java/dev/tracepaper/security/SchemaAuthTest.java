package dev.tracepaper.security;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.source.SourceLocation;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutation and query of every example's generated {@code schema.graphql}, parsed with
 * graphql-java, admits exactly the callers its model {@code auth} names (its own, else its view's,
 * else the app's default, else {@code authenticated}), as AppSync reads directives: a field with
 * directives admits the types and groups they name, a field without admits the API's default type
 * (read from {@code template.yaml}) with no group restriction. The expectation is computed from the
 * model here, not by the generator's own {@code AuthDirectives}.
 */
class SchemaAuthTest {

  private static final String COGNITO = "AMAZON_COGNITO_USER_POOLS";
  private static final String ANY_USER = "cognito user";

  /** The root types whose fields are checked; a schema without subscriptions has no third. */
  private static final List<String> ROOTS =
      List.of(GraphQlNames.MUTATION, GraphQlNames.QUERY, GraphQlNames.SUBSCRIPTION);

  static List<String> examples() {
    return GeneratedExamples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyMutationAndQueryAdmitsExactlyWhatItsModelAuthSays(String example) {
    String sdl = GeneratedExamples.render(example, "schema.graphql");

    assertThat(admittedByField(sdl, defaultType(example)))
        .containsExactlyEntriesIn(expected(model(example)));
  }

  /** The check sees a lost directive, and one that admits a group too many. */
  @ParameterizedTest
  @MethodSource("examples")
  void aChangedDirectiveIsSeen(String example) {
    String sdl = GeneratedExamples.render(example, "schema.graphql");
    Map<String, Set<String>> expected = expected(model(example));
    String defaultType = defaultType(example);
    String directive = "@aws_cognito_user_pools(cognito_groups: [";
    int at = -1;
    for (String root : List.of("type Mutation {", "type Query {")) {
      int start = sdl.indexOf(root);
      int found = start < 0 ? -1 : sdl.indexOf(directive, start);
      if (found >= 0 && found < sdl.indexOf("\n}", start)) {
        at = found;
        break;
      }
    }
    if (at < 0) {
      return; // no root field restricted to groups
    }
    String lost = sdl.substring(0, at) + sdl.substring(sdl.indexOf(')', at) + 1);
    String widened =
        sdl.substring(0, at + directive.length())
            + "\"intruder\", "
            + sdl.substring(at + directive.length());

    assertThat(admittedByField(lost, defaultType)).isNotEqualTo(expected);
    assertThat(admittedByField(widened, defaultType)).isNotEqualTo(expected);
  }

  /**
   * Each operation, {@code Mutation.lendBook}, with the callers AppSync admits to it; an operation
   * in an API namespace by its path ({@code Mutation.Workspace.Member.add}): the namespace fields
   * lead on to it, and everyCallerOfAFieldMayReadItsResultType checks that they admit its callers.
   */
  private static Map<String, Set<String>> admittedByField(String sdl, String defaultType) {
    Document schema = Parser.parse(sdl);
    Map<String, Set<String>> actual = new TreeMap<>();
    for (String root : ROOTS) {
      collect(schema, root, root, defaultType, actual);
    }
    return actual;
  }

  private static void collect(
      Document schema,
      String typeName,
      String path,
      String defaultType,
      Map<String, Set<String>> actual) {
    for (FieldDefinition field : fields(schema, typeName)) {
      String result = typeName(field.getType());
      if (result.endsWith("Mutations") || result.endsWith("Queries")) {
        collect(schema, result, path + "." + field.getName(), defaultType, actual);
      } else {
        actual.put(path + "." + field.getName(), admitted(field.getDirectives(), defaultType));
      }
    }
  }

  /** AppSync checks the returned type too: each caller of a field may read what it returns. */
  @ParameterizedTest
  @MethodSource("examples")
  void everyCallerOfAFieldMayReadItsResultType(String example) {
    Document schema = Parser.parse(GeneratedExamples.render(example, "schema.graphql"));
    String defaultType = defaultType(example);
    for (String root : ROOTS) {
      for (FieldDefinition field : fields(schema, root)) {
        String result = typeName(field.getType());
        Optional<ObjectTypeDefinition> type = type(schema, result);
        if (type.isEmpty()) {
          continue; // a scalar: no auth of its own
        }
        Set<String> readers = authTypes(admitted(type.get().getDirectives(), defaultType));
        assertWithMessage("%s: %s.%s returns %s", example, root, field.getName(), result)
            .that(readers)
            .containsAtLeastElementsIn(authTypes(admitted(field.getDirectives(), defaultType)));
      }
    }
  }

  private static Map<String, Set<String>> expected(Model model) {
    Optional<Auth> appDefault = model.app().orElseThrow().auth().defaultAuth();
    Map<String, Set<String>> expected = new TreeMap<>();
    for (Aggregate aggregate : model.aggregates()) {
      for (Command command : aggregate.commands()) {
        expected.put(
            GraphQlNames.MUTATION
                + "."
                + command.api().map(Located::value).orElse(GraphQlNames.mutation(command.name())),
            admitted(command.auth().or(() -> appDefault)));
        if (command.notifies()) {
          // A subscriber to a command's results is whoever may call it.
          expected.put(
              GraphQlNames.SUBSCRIPTION + "." + GraphQlNames.commandSubscription(command.name()),
              admitted(command.auth().or(() -> appDefault)));
        }
      }
    }
    for (View view : model.views()) {
      Optional<Auth> viewAuth = view.auth().or(() -> appDefault);
      if (view.queries().isEmpty()) {
        expected.put(query(GraphQlNames.getQuery(view.name())), admitted(viewAuth));
        expected.put(query(GraphQlNames.listQuery(view.name())), admitted(viewAuth));
      }
      for (Query query : view.queries().orElse(List.of())) {
        String field =
            switch (query.kind()) {
              case GET -> GraphQlNames.getQuery(view.name());
              case LIST -> GraphQlNames.listQuery(view.name());
              case INDEX -> GraphQlNames.indexQuery(view.name(), query.name());
            };
        expected.put(
            query(query.api().map(Located::value).orElse(field)),
            admitted(query.auth().or(() -> viewAuth)));
      }
      if (view.notifies()) {
        // The projector alone publishes; whoever reads the view through some query subscribes.
        expected.put(
            GraphQlNames.MUTATION + "." + GraphQlNames.changeMutation(view.name()),
            Set.of("AWS_IAM"));
        List<AuthMode> readers = new ArrayList<>();
        List<Optional<Auth>> queries =
            view.queries()
                .map(qs -> qs.stream().map(q -> q.auth().or(() -> viewAuth)).toList())
                .orElse(List.of(viewAuth));
        for (Optional<Auth> auth : queries) {
          readers.addAll(
              auth.map(Auth::modes)
                  .filter(m -> !m.isEmpty())
                  .orElse(
                      List.of(
                          new AuthMode(
                              AuthMode.Kind.AUTHENTICATED,
                              Optional.empty(),
                              SourceLocation.NONE))));
        }
        expected.put(
            GraphQlNames.SUBSCRIPTION + "." + GraphQlNames.viewSubscription(view.name()),
            admitted(Optional.of(new Auth(readers, SourceLocation.NONE))));
      }
    }
    for (CustomQuery query : model.queries()) {
      expected.put(
          query(query.api().map(Located::value).orElse(GraphQlNames.field(query.name()))),
          admitted(query.auth().or(() -> appDefault)));
    }
    if (model.views().isEmpty()) {
      // The placeholder a schema needs, with no resolver: whoever passes the API's default.
      expected.put(query("ping"), admitted(appDefault));
    }
    return expected;
  }

  private static String query(String field) {
    return GraphQlNames.QUERY + "." + field;
  }

  /**
   * Who the model's modes admit: API key, IAM, any Cognito user, or users of named groups. An
   * {@code owner:} or {@code when:} entry admits any user to the field; the resolver or the handler
   * then decides by the data.
   */
  private static Set<String> admitted(Optional<Auth> auth) {
    boolean byData = auth.map(Auth::dependsOnData).orElse(false);
    List<AuthMode> modes = auth.map(Auth::modes).filter(m -> !m.isEmpty()).orElse(List.of());
    Set<String> admitted = new TreeSet<>();
    if (modes.isEmpty() || byData) {
      admitted.add(ANY_USER); // the language's default (authenticated), or users the data admits
    }
    boolean anyUser =
        byData || modes.stream().anyMatch(m -> m.kind() == AuthMode.Kind.AUTHENTICATED);
    for (AuthMode mode : modes) {
      switch (mode.kind()) {
        case ANONYMOUS -> admitted.add("API_KEY");
        case IAM -> admitted.add("AWS_IAM");
        case AUTHENTICATED -> admitted.add(ANY_USER);
        case ROLE -> {
          if (!anyUser) {
            admitted.add("cognito group " + mode.role().orElseThrow());
          }
        }
      }
    }
    return admitted;
  }

  /** Who AppSync admits to a field or type with these directives. */
  private static Set<String> admitted(List<Directive> directives, String defaultType) {
    Set<String> admitted = new TreeSet<>();
    for (Directive directive : directives) {
      switch (directive.getName()) {
        case "aws_api_key" -> admitted.add("API_KEY");
        case "aws_iam" -> admitted.add("AWS_IAM");
        case "aws_cognito_user_pools" -> {
          if (directive.getArgument("cognito_groups") == null) {
            admitted.add(ANY_USER);
          } else {
            for (var group :
                ((ArrayValue) directive.getArgument("cognito_groups").getValue()).getValues()) {
              admitted.add("cognito group " + ((StringValue) group).getValue());
            }
          }
        }
        case "aws_subscribe" -> {} // which mutations fire a subscription: no auth
        default ->
            throw new AssertionError("an auth directive this test does not know: " + directive);
      }
    }
    if (admitted.isEmpty()) {
      admitted.add(defaultType.equals(COGNITO) ? ANY_USER : defaultType);
    }
    return admitted;
  }

  private static Set<String> authTypes(Set<String> admitted) {
    Set<String> types = new TreeSet<>();
    admitted.forEach(a -> types.add(a.startsWith("cognito") ? COGNITO : a));
    return types;
  }

  private static String defaultType(String example) {
    SamTemplate template = SamTemplate.parse(GeneratedExamples.render(example, "template.yaml"));
    return (String)
        Grants.path(template.resources().get("GraphQLApi"), "Properties", "AuthenticationType");
  }

  /** The fields of a root type; none when the schema has no such root. */
  private static List<FieldDefinition> fields(Document schema, String root) {
    return type(schema, root).map(ObjectTypeDefinition::getFieldDefinitions).orElse(List.of());
  }

  private static Optional<ObjectTypeDefinition> type(Document schema, String name) {
    return schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
        .filter(t -> t.getName().equals(name))
        .findFirst();
  }

  private static String typeName(Type<?> type) {
    if (type instanceof NonNullType nonNull) {
      return typeName(nonNull.getType());
    }
    if (type instanceof ListType list) {
      return typeName(list.getType());
    }
    return ((TypeName) type).getName();
  }

  private static Model model(String example) {
    return GeneratedExamples.index(example).model();
  }
}
