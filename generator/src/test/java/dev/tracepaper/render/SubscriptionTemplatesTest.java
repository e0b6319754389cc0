package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.tools.ExternalTool;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Directive;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions ({@code notify: true}): the schema's {@code Subscription} type with its auth, the
 * views' internal change mutations for IAM only, the request the projector sends (valid against the
 * schema it is sent to), the infrastructure that carries it, and its resolver under node.
 */
class SubscriptionTemplatesTest {

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  private static ProjectData library() {
    return ModelProjects.of(TestPaths.examples().resolve("library"));
  }

  @Test
  void aNotifyingCommandGetsASubscriptionToItsMutationForItsOwnCallers() {
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", library()));
    GraphQLFieldDefinition onLendBook =
        schema.getSubscriptionType().getFieldDefinition("onLendBook");
    assertThat(signature(onLendBook)).isEqualTo("(id: String): CommandResult");
    assertThat(directives(onLendBook))
        .isEqualTo(
            "@aws_subscribe(mutations: [\"lendBook\"])"
                + " @aws_cognito_user_pools(cognito_groups: [\"librarian\"])");
    // It filters on a field of what the mutation returns, as AppSync requires.
    assertThat(((GraphQLObjectType) schema.getType("CommandResult")).getFieldDefinition("id"))
        .isNotNull();
    // Commands without notify get none.
    assertThat(schema.getSubscriptionType().getFieldDefinition("onRegisterBook")).isNull();
  }

  @Test
  void aNotifyingViewGetsAChangeMutationForIamOnlyAndASubscriptionToIt() {
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", library()));
    GraphQLFieldDefinition publish =
        schema.getMutationType().getFieldDefinition("publishBookAvailabilityChanged");
    assertThat(signature(publish))
        .isEqualTo("(key: String!, deleted: Boolean!, row: AWSJSON): BookAvailabilityChange!");
    assertThat(directives(publish)).isEqualTo("@aws_iam");

    GraphQLFieldDefinition subscription =
        schema.getSubscriptionType().getFieldDefinition("onBookAvailabilityChanged");
    assertThat(signature(subscription)).isEqualTo("(key: String): BookAvailabilityChange");
    // The view is `auth: authenticated`, the API's default: no auth directive.
    assertThat(directives(subscription))
        .isEqualTo("@aws_subscribe(mutations: [\"publishBookAvailabilityChanged\"])");

    // The projector (IAM) reads back what it publishes; the view's readers read what they get.
    for (String type : List.of("BookAvailabilityChange", "BookAvailability")) {
      assertThat(typeDirectives(schema, type)).isEqualTo("@aws_cognito_user_pools @aws_iam");
    }
    GraphQLObjectType change = (GraphQLObjectType) schema.getType("BookAvailabilityChange");
    assertThat(
            change.getFieldDefinitions().stream()
                .map(f -> f.getName() + ": " + GraphQLTypeUtil.simplePrint(f.getType()))
                .toList())
        .containsExactly("key: String!", "deleted: Boolean!", "row: BookAvailability")
        .inOrder();
    // A view without notify has neither.
    assertThat(schema.getMutationType().getFieldDefinition("publishMemberLoansChanged")).isNull();
  }

  @Test
  void theProjectorsRequestIsValidAgainstTheSchemaAndSelectsEveryStoredField() {
    ProjectData library = library();
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", library));
    ViewData view = view(library, "BookAvailability");
    String document = view.subscription().document();
    ParseAndValidateResult result =
        ParseAndValidate.parseAndValidate(
            schema,
            ExecutionInput.newExecutionInput(document)
                .variables(Map.of("key", "9780441013593", "deleted", false, "row", "{}"))
                .build());
    assertWithMessage(document).that(result.getErrors()).isEmpty();
    for (String field : List.of("isbn", "title", "available", "status")) {
      assertThat(document).contains("\n      " + field + "\n");
    }
  }

  @Test
  void aSubscriptionAdmitsEveryCallerSomeQueryOfTheViewAdmits() throws IOException {
    ProjectData clinic =
        ModelProjects.editedExample(
            out.resolve("clinic-notifies"),
            "clinic",
            text ->
                text.replace(
                    "    custom: true                             # hand-written code may enrich",
                    "    notify: true\n    custom: true                             # enrich"));
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", clinic));
    // get and byPatient admit receptionists, list the bookkeeping export (IAM).
    assertThat(
            directives(schema.getSubscriptionType().getFieldDefinition("onInvoiceSummaryChanged")))
        .isEqualTo(
            "@aws_subscribe(mutations: [\"publishInvoiceSummaryChanged\"])"
                + " @aws_cognito_user_pools(cognito_groups: [\"receptionist\"]) @aws_iam");
    // The value types a notifying view returns are readable by the publisher.
    String document = view(clinic, "InvoiceSummary").subscription().document();
    assertThat(
            ParseAndValidate.parseAndValidate(
                    schema, ExecutionInput.newExecutionInput(document).build())
                .getErrors())
        .isEmpty();
  }

  @Test
  void theProjectorMayCallOnlyTheChangeMutationsOfItsApi() {
    String template = StackTemplates.joined(engine, library());
    String projector = between(template, "  ProjectorFunction:", "  ProjectorStreamMapping:");
    assertThat(projector).contains("GRAPHQL_API_URL: !GetAtt GraphQLApi.GraphQLUrl");
    assertThat(projector)
        .contains(
            """
                        - Effect: Allow
                          Action: appsync:GraphQL
                          Resource:
                            - !Sub "${GraphQLApi.Arn}/types/Mutation/fields/publishBookAvailabilityChanged"
                        # A row is read\
            """);
    assertThat(template)
        .contains(
            """
              BookAvailabilityChangesDataSource:
                Type: AWS::AppSync::DataSource
                Properties:
                  ApiId: !Ref GraphQLApiId
                  Name: BookAvailabilityChangesDataSource
                  Type: NONE
            """);
    assertThat(template).contains("FieldName: publishBookAvailabilityChanged");
    assertThat(template).contains("DataSourceName: !GetAtt BookAvailabilityChangesDataSource.Name");

    String clinic =
        StackTemplates.joined(engine, ModelProjects.of(TestPaths.examples().resolve("clinic")));
    assertThat(clinic).doesNotContain("GRAPHQL_API_URL");
    assertThat(clinic).doesNotContain("appsync:GraphQL");
    assertThat(clinic).doesNotContain("Type: NONE");
    assertThat(
            render("schema.graphql.ftl", ModelProjects.of(TestPaths.examples().resolve("clinic"))))
        .doesNotContain("Subscription");
  }

  @Test
  void theChangeResolverHandsTheRowOnAsAnObject() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the change resolver");
    ProjectData library = library();
    Layout.Output resolver =
        new Layout(library)
            .outputs(TemplateCatalog.all()).stream()
                .filter(o -> o.path().equals(GraphQlNames.CHANGE_RESOLVER_FILE))
                .findFirst()
                .orElseThrow();
    write(out.resolve("package.json"), "{\"type\": \"module\"}\n");
    write(out.resolve("PublishChange.js"), engine.render(resolver.template(), resolver.data()));
    write(
        out.resolve("check.mjs"),
        """
        import assert from 'node:assert/strict';
        import { request, response } from './PublishChange.js';
        const written = request({ arguments: { key: 'b1', deleted: false, row: '{"isbn":"b1","available":2}' } });
        assert.deepEqual(written, { payload: { key: 'b1', deleted: false, row: { isbn: 'b1', available: 2 } } });
        const parsed = request({ arguments: { key: 'b1', deleted: false, row: { isbn: 'b1' } } });
        assert.deepEqual(parsed.payload.row, { isbn: 'b1' });
        const deleted = request({ arguments: { key: 'b1', deleted: true, row: null } });
        assert.deepEqual(deleted, { payload: { key: 'b1', deleted: true, row: null } });
        assert.deepEqual(response({ result: written.payload }), written.payload);
        """);
    ExternalTool.Result result = node.run(out, "check.mjs");
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);

    assertThat(
            new Layout(ModelProjects.of(TestPaths.examples().resolve("clinic")))
                .outputs(TemplateCatalog.all()).stream().map(Layout.Output::path).toList())
        .doesNotContain(GraphQlNames.CHANGE_RESOLVER_FILE);
  }

  @Test
  void aViewWhoseGetDecidesByTheKeyGetsAKeyedSubscriptionWithAResolver() {
    ProjectData studio = studio();
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", studio));
    GraphQLFieldDefinition subscription =
        schema.getSubscriptionType().getFieldDefinition("onBuildViewChanged");
    // The key is required: AppSync delivers only the changes of the key the caller was admitted to.
    assertThat(signature(subscription)).isEqualTo("(key: String!): BuildViewChange");
    // The get query's `when` admits any user of the pool (the API's default) to the field.
    assertThat(directives(subscription))
        .isEqualTo("@aws_subscribe(mutations: [\"publishBuildViewChanged\"])");
    // UserView's auth names roles only: its subscription stays open, the key optional.
    assertThat(signature(schema.getSubscriptionType().getFieldDefinition("onUserViewChanged")))
        .isEqualTo("(key: String): UserViewChange");

    String template = StackTemplates.joined(engine, studio);
    assertThat(template)
        .contains(
            """
              SubscriptionOnBuildViewChangedResolver:
                Type: AWS::AppSync::Resolver
                Properties:
                  ApiId: !Ref GraphQLApiId
                  TypeName: Subscription
                  FieldName: onBuildViewChanged
                  DataSourceName: !GetAtt BuildViewChangesDataSource.Name
                  Kind: UNIT
            """);
    assertThat(template).doesNotContain("FieldName: onUserViewChanged");
  }

  @Test
  void theKeyedResolverAdmitsWhomTheGetQueryAdmitsForThatKey() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the subscription resolver");
    write(out.resolve("package.json"), "{\"type\": \"module\"}\n");
    write(
        out.resolve("node_modules/@aws-appsync/utils/package.json"),
        "{\"name\": \"@aws-appsync/utils\", \"type\": \"module\", \"exports\": \"./index.js\"}\n");
    try (var stub =
        SubscriptionTemplatesTest.class.getResourceAsStream("/appsync/utils-stub.mjs")) {
      write(
          out.resolve("node_modules/@aws-appsync/utils/index.js"),
          new String(stub.readAllBytes(), UTF_8));
    }
    Layout.Output resolver =
        new Layout(studio())
            .outputs(TemplateCatalog.all()).stream()
                .filter(
                    o ->
                        o.path()
                            .equals(
                                "src/main/resources/resolvers/Subscription.onBuildViewChanged.js"))
                .findFirst()
                .orElseThrow();
    write(out.resolve("Subscribe.js"), engine.render(resolver.template(), resolver.data()));
    write(
        out.resolve("check.mjs"),
        """
        import assert from 'node:assert/strict';
        import { request, response } from './Subscribe.js';
        const as = (key, groups) =>
          ({ arguments: { key }, identity: { sub: 'u1', username: 'ada', groups } });
        const refused = (ctx) =>
          assert.throws(() => request(ctx), (e) => e.appsyncError?.errorType === 'Unauthorized');
        // A viewer of workspace D1:ws follows its builds.
        assert.deepEqual(request(as('D1:ws:app:b7', ['D1:ws-viewer'])), { payload: null });
        assert.equal(response({}), null);
        // One without the role is refused, as the get query refuses them.
        refused(as('D1:ws:app:b7', []));
        refused(as('D1:ws:app:b7', ['D1:other-viewer']));
        // A viewer of another workspace cannot subscribe to this one's key.
        refused(as('D1:ws:app:b7', ['D2:ws-viewer']));
        // A key the get query's auth cannot take apart is refused, not admitted.
        refused(as('D1', ['D1:ws-viewer']));
        console.log('ok');
        """);
    ExternalTool.Result result = node.run(out, "check.mjs");
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
    assertThat(result.output()).contains("ok");
  }

  private static ProjectData studio() {
    return ModelProjects.of(TestPaths.examples().resolve("tracepaper-studio"));
  }

  private static ViewData view(ProjectData project, String name) {
    return project.views().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static String signature(GraphQLFieldDefinition field) {
    return field.getArguments().stream()
            .map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
            .collect(Collectors.joining(", ", "(", ")"))
        + ": "
        + GraphQLTypeUtil.simplePrint(field.getType());
  }

  /** The directives as written in the schema, in order. */
  private static String directives(GraphQLFieldDefinition field) {
    return field.getDefinition().getDirectives().stream()
        .map(SubscriptionTemplatesTest::print)
        .collect(Collectors.joining(" "));
  }

  private static String typeDirectives(GraphQLSchema schema, String type) {
    return ((GraphQLObjectType) schema.getType(type))
        .getDefinition().getDirectives().stream()
            .map(SubscriptionTemplatesTest::print)
            .collect(Collectors.joining(" "));
  }

  private static String print(Directive directive) {
    return graphql.language.AstPrinter.printAst(directive);
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertWithMessage("%s in the template", from).that(start).isAtLeast(0);
    return text.substring(start, text.indexOf(to, start));
  }

  private String render(String template, ProjectData project) {
    try {
      return engine.render(template, Map.of("project", project));
    } catch (TemplateFailure e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }
}
