package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands and queries named by {@code api}: their fields sit in namespace types reached through
 * namespace fields, with auth on every level, and everything that calls them calls them there.
 */
class ApiNamesTest {

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  /**
   * A shop whose namespace {@code Shop} holds a mutation for anonymous callers, and whose {@code
   * Shop.Admin} holds one for a role and one for IAM; a query in a namespace; one command keeps its
   * derived name.
   */
  static ProjectData mixedAuth(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("shop.yaml"),
        """
        tracepaper: 1
        app:
          name: shop
          package: com.example.shop
          auth: {default: authenticated, roles: [clerk]}
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String, open: Boolean}
            events:
              OrderPlaced: {fields: {orderId: String}, apply: {open: true}}
              OrderClosed: {fields: {orderId: String}, apply: {open: false}}
              OrderAudited: {fields: {orderId: String}}
              OrderNoted: {fields: {orderId: String}}
            commands:
              PlaceOrder:
                api: Shop.place
                auth: anonymous
                creates: true
                fields: {orderId: String}
                emits: [OrderPlaced]
                tests:
                  - {name: places, when: {orderId: o1}, then: {events: [{OrderPlaced: {orderId: o1}}]}}
              CloseOrder:
                api: Shop.Admin.close
                auth: role:clerk
                fields: {orderId: String}
                emits: [OrderClosed]
                tests:
                  - name: closes
                    given: [{OrderPlaced: {orderId: o1}}]
                    as: {id: u1, roles: [clerk]}
                    when: {orderId: o1}
                    then: {events: [{OrderClosed: {orderId: o1}}]}
              AuditOrder:
                api: Shop.Admin.audit
                auth: iam
                fields: {orderId: String}
                emits: [OrderAudited]
                tests:
                  - name: audits
                    given: [{OrderPlaced: {orderId: o1}}]
                    when: {orderId: o1}
                    then: {events: [{OrderAudited: {orderId: o1}}]}
              NoteOrder:
                fields: {orderId: String}
                emits: [OrderNoted]
                tests:
                  - name: notes
                    given: [{OrderPlaced: {orderId: o1}}]
                    when: {orderId: o1}
                    then: {events: [{OrderNoted: {orderId: o1}}]}
        views:
          OrderStatus:
            fields: {orderId: String, open: Boolean}
            from: Order
            queries:
              get: {api: Shop.get}
              list: {}
        """,
        UTF_8);
    return ModelProjects.of(folder);
  }

  @Test
  void namespacesAreTypesReachedThroughFieldsWithAuthOnEveryLevel() throws IOException {
    String sdl = render("schema.graphql.ftl", mixedAuth(out.resolve("model")));
    GraphQLSchema schema = AppSyncSchema.validate(sdl);

    GraphQLObjectType mutation = schema.getMutationType();
    assertThat(mutation.getFieldDefinition("placeOrder")).isNull();
    assertThat(mutation.getFieldDefinition("noteOrder")).isNotNull();
    assertThat(signature(mutation.getFieldDefinition("Shop"))).isEqualTo(": ShopMutations!");
    GraphQLObjectType shop = (GraphQLObjectType) schema.getType("ShopMutations");
    assertThat(signature(shop.getFieldDefinition("place")))
        .isEqualTo("(input: PlaceOrderInput!, commandId: ID): CommandResult!");
    GraphQLObjectType admin = (GraphQLObjectType) schema.getType("ShopAdminMutations");
    assertThat(admin.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName))
        .containsExactly("close", "audit")
        .inOrder();
    // Each level admits every auth type of some field within it; the fields within say their own.
    assertThat(sdl)
        .contains("  Shop: ShopMutations! @aws_cognito_user_pools @aws_api_key @aws_iam\n");
    assertThat(sdl)
        .contains("type ShopMutations @aws_cognito_user_pools @aws_api_key @aws_iam {\n");
    assertThat(sdl).contains("  Admin: ShopAdminMutations! @aws_cognito_user_pools @aws_iam\n");
    assertThat(sdl)
        .contains("  place(input: PlaceOrderInput!, commandId: ID): CommandResult! @aws_api_key\n");
    assertThat(sdl)
        .contains(
            "  close(input: CloseOrderInput!, commandId: ID): CommandResult!"
                + " @aws_cognito_user_pools(cognito_groups: [\"clerk\"])\n");
    assertThat(sdl)
        .contains("  audit(input: AuditOrderInput!, commandId: ID): CommandResult! @aws_iam\n");
    // A query in a namespace of the default type names its directive: its type may have others.
    assertThat(sdl).contains("  Shop: ShopQueries!\n");
    assertThat(sdl).contains("  get(orderId: String!): OrderStatus @aws_cognito_user_pools\n");
    assertThat(schema.getQueryType().getFieldDefinition("listOrderStatuses")).isNotNull();
  }

  @Test
  void eachFieldIsResolvedOnItsTypeAndEachNamespaceByAnEmptyObject() throws IOException {
    ProjectData project = mixedAuth(out.resolve("model"));
    String template = StackTemplates.joined(engine, project);
    assertThat(template)
        .contains(
            "  ShopAdminMutationsCloseResolver:\n"
                + "    Type: AWS::AppSync::Resolver\n"
                + "    # A resolver needs its field in the schema.\n"
                + "    DependsOn: GraphQLSchema\n"
                + "    Properties:\n"
                + "      ApiId: !GetAtt GraphQLApi.ApiId\n"
                + "      TypeName: ShopAdminMutations\n"
                + "      FieldName: close\n");
    assertThat(template)
        .contains(
            "  ShopMutationsAdminNamespaceResolver:\n"
                + "    Type: AWS::AppSync::Resolver\n"
                + "    DependsOn: GraphQLSchema\n"
                + "    Properties:\n"
                + "      ApiId: !GetAtt GraphQLApi.ApiId\n"
                + "      TypeName: ShopMutations\n"
                + "      FieldName: Admin\n"
                + "      DataSourceName: !GetAtt ApiNamespaceDataSource.Name\n");
    assertThat(template).contains("      TypeName: ShopQueries\n      FieldName: get\n");
    assertThat(template).contains("      Type: NONE\n");
    Map<String, String> files = files(project);
    assertThat(files).containsKey("src/main/resources/resolvers/Namespace.js");
    assertThat(files).containsKey("src/main/resources/resolvers/ShopQueries.get.js");
    // The handler tells the fields of one name in two namespaces apart by their type.
    assertThat(files.get("src/main/java/com/example/shop/order/OrderCommandHandler.java"))
        .contains(
            "      case \"ShopAdminMutations.close\" -> closeOrder(request, input, metadata);\n");
    assertThat(files.get("src/test/java/com/example/shop/order/CloseOrderTest.java"))
        .contains("\"ShopAdminMutations.close\"");
  }

  @Test
  void theReadmeAndTheSmokeTestCallTheFieldsInTheirNamespaces() throws IOException {
    Map<String, String> projects =
        files(ModelProjects.of(TestPaths.examples().resolve("projects")));
    assertThat(projects.get("README.md"))
        .contains("- Workspace: `Workspace.create`, `Workspace.Member.add`,");
    assertThat(projects.get("README.md")).contains("mutation {\n  Workspace { create(input: {");
    Map<String, String> shop = files(mixedAuth(out.resolve("model")));
    assertThat(shop.get("scripts/smoke.sh"))
        .contains(
            "call '{\"query\": \"mutation { Shop { place(input: {orderId: \\\"o1\\\"}) { id version }"
                + " } }\"}' | check refusals");
    assertThat(shop.get("scripts/smoke.sh"))
        .contains(
            "call '{\"query\": \"{ Shop { get(orderId: \\\"smoke-test\\\") { orderId } } }\"}'");
    assertThat(shop.get("README.md"))
        .contains(
            "{\"query\": \"mutation { Shop { place(input: {orderId: \\\"o1\\\"}) { id version events } } }\"}");
  }

  @Test
  void withoutApiNamesThereAreNoNamespaces() {
    ProjectData library = ModelProjects.of(TestPaths.examples().resolve("library"));
    assertThat(library.api().namespaces()).isEmpty();
    assertThat(files(library)).doesNotContainKey("src/main/resources/resolvers/Namespace.js");
    assertThat(StackTemplates.joined(engine, library)).doesNotContain("ApiNamespaceDataSource");
  }

  private Map<String, String> files(ProjectData project) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    for (Layout.Output output : new Layout(project).outputs(TemplateCatalog.all())) {
      files.put(output.path(), render(output.template(), output.data()));
    }
    return files;
  }

  private static String signature(GraphQLFieldDefinition field) {
    StringBuilder text = new StringBuilder();
    if (!field.getArguments().isEmpty()) {
      text.append('(');
      field
          .getArguments()
          .forEach(
              a ->
                  text.append(a.getName())
                      .append(": ")
                      .append(GraphQLTypeUtil.simplePrint(a.getType()))
                      .append(", "));
      text.setLength(text.length() - 2);
      text.append(')');
    }
    return text.append(": ").append(GraphQLTypeUtil.simplePrint(field.getType())).toString();
  }

  private String render(String template, ProjectData project) {
    return render(template, Map.of("project", project));
  }

  private String render(String template, Map<String, Object> data) {
    try {
      return engine.render(template, data);
    } catch (TemplateFailure e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
