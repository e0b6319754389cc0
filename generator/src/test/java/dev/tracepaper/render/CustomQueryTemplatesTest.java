package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom queries ({@code queries:}): a nullable schema field with its auth, one resolver each on
 * the custom query function, which may read the views of their {@code reads} and no other, and the
 * generated interface, handler and stub that answer it.
 */
class CustomQueryTemplatesTest {

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  /** A shop with a query on the root reading nothing, open to API keys, and one reading a view. */
  private ProjectData shop() throws IOException {
    Path folder = out.resolve("model");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("shop.yaml"),
        """
        tracepaper: 1
        app:
          name: shop
          package: com.example.shop
          auth: {default: authenticated, roles: [clerk]}
        types:
          Quote: {amount: Int, currency: String}
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String, total: Int}
            events:
              OrderPlaced: {fields: {orderId: String, total: Int}}
            commands:
              PlaceOrder:
                creates: true
                fields: {orderId: String, total: Int}
                emits: [OrderPlaced]
                tests:
                  - {name: places, when: {orderId: o1, total: 3}, then: {events: [{OrderPlaced: {orderId: o1, total: 3}}]}}
        views:
          OrderTotals:
            from: Order
            fields: {orderId: String, total: Int}
        queries:
          QuoteShipping:
            description: What shipping costs to a country
            args: {country: String, weight: {type: Int, required: false}}
            returns: Quote
            auth: [anonymous, authenticated]
          OrderForClerk:
            api: Clerk.order
            args: {orderId: String}
            returns: OrderTotals
            reads: [OrderTotals]
            auth: role:clerk
        """,
        UTF_8);
    return ModelProjects.of(folder);
  }

  @Test
  void eachQueryIsANullableFieldWithItsArgumentsAndAuth() throws IOException {
    String sdl = render("schema.graphql.ftl", Map.of("project", shop()));
    GraphQLSchema schema = AppSyncSchema.validate(sdl);

    GraphQLFieldDefinition quote = schema.getQueryType().getFieldDefinition("quoteShipping");
    assertThat(signature(quote)).isEqualTo("(country: String!, weight: Int): Quote");
    assertThat(sdl)
        .contains(
            "  \"What shipping costs to a country\"\n"
                + "  quoteShipping(country: String!, weight: Int): Quote"
                + " @aws_cognito_user_pools @aws_api_key\n");
    assertThat(sdl)
        .contains(
            "  order(orderId: String!): OrderTotals"
                + " @aws_cognito_user_pools(cognito_groups: [\"clerk\"])\n");
    assertThat(schema.getQueryType().getFieldDefinition("Clerk")).isNotNull();
    // AppSync checks the returned type too: an API-key caller may read a Quote's fields.
    assertThat(sdl).contains("type Quote @aws_cognito_user_pools @aws_api_key {\n");
  }

  @Test
  void oneFunctionAnswersThemAndReadsOnlyTheViewsOfTheirReads() throws IOException {
    String template = StackTemplates.joined(engine, shop());

    assertThat(template)
        .contains("      Handler: \"com.example.shop.views.CustomQueryHandler::handleRequest\"\n");
    assertThat(template)
        .contains(
            "      TypeName: Query\n"
                + "      FieldName: quoteShipping\n"
                + "      DataSourceName: !GetAtt CustomQueryDataSource.Name\n");
    assertThat(template)
        .contains(
            "      TypeName: ClerkQueries\n"
                + "      FieldName: order\n"
                + "      DataSourceName: !GetAtt CustomQueryDataSource.Name\n");
    assertThat(template).contains("${AWS::StackName}.order-totals\"\n");
    assertThat(template).contains("${AWS::StackName}.order-totals.green\"\n");
    assertThat(template).contains("CodeS3Location: src/main/resources/resolvers/CustomQuery.js\n");
  }

  @Test
  void theHandlerDispatchesOnTheFieldAndTheStubAnswersNull() throws IOException {
    Map<String, String> files = files(shop());
    String views = "src/main/java/com/example/shop/views/";

    String handler = files.get(views + "CustomQueryHandler.java");
    assertThat(handler).contains("case \"Query.quoteShipping\" -> answerQuoteShipping(request);");
    assertThat(handler).contains("case \"ClerkQueries.order\" -> answerOrderForClerk(request);");
    assertThat(handler)
        .contains(
            "        List.of(AuthType.AMAZON_COGNITO_USER_POOLS, AuthType.API_KEY),\n"
                + "        List.of());");
    assertThat(handler).contains("return answer == null ? null : Quote.toJson(answer);");
    assertThat(files.get(views + "OrderForClerkQuery.java"))
        .contains(
            "    Optional<OrderTotals> orderTotals(String key) {\n"
                + "      return rows.row(ORDER_TOTALS, key).map(OrderTotals::fromJson);\n");
    assertThat(files.get(views + "QuoteShippingQuery.java"))
        .contains("  record Args(\n      String country,\n      Long weight) {\n");
    assertThat(files.get(views + "QuoteShippingQueryCode.java")).contains("    return null;\n");
    assertThat(files)
        .containsKey("src/test/java/com/example/shop/views/CustomQueryHandlerTest.java");
    assertThat(files).containsKey("src/main/resources/resolvers/CustomQuery.js");
    assertThat(
            new Layout(shop())
                .outputs(TemplateCatalog.all()).stream()
                    .filter(Layout.Output::stub)
                    .map(Layout.Output::path))
        .contains(views + "QuoteShippingQueryCode.java");
  }

  @Test
  void withoutCustomQueriesNothingOfThemIsGenerated() {
    ProjectData library = ModelProjects.of(TestPaths.examples().resolve("library"));
    assertThat(files(library).keySet().stream().filter(p -> p.contains("CustomQuer"))).isEmpty();
    assertThat(StackTemplates.joined(engine, library)).doesNotContain("CustomQuery");
  }

  private Map<String, String> files(ProjectData project) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Layout.Output output : new Layout(project).outputs(TemplateCatalog.all())) {
      files.put(output.path(), render(output.template(), output.data()));
    }
    return files;
  }

  private static String signature(GraphQLFieldDefinition field) {
    StringBuilder text = new StringBuilder("(");
    field
        .getArguments()
        .forEach(
            a ->
                text.append(a.getName())
                    .append(": ")
                    .append(GraphQLTypeUtil.simplePrint(a.getType()))
                    .append(", "));
    text.setLength(text.length() - 2);
    return text.append("): ").append(GraphQLTypeUtil.simplePrint(field.getType())).toString();
  }

  private String render(String template, Map<String, Object> data) {
    try {
      return engine.render(template, data);
    } catch (TemplateFailure e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
