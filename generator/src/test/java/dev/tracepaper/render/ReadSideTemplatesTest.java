package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.tools.ExternalTool;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side's infrastructure rendered from the examples: the views' types, queries and
 * relations in the schema with their auth directives, and every generated resolver run under node
 * (the request it builds, the result it returns, paging and limits). The SAM template's read side
 * is linted with the write side's in {@link InfrastructureTemplatesTest}.
 */
class ReadSideTemplatesTest {

  private static final List<String> EXAMPLES =
      List.of("library", "clinic", "projects", "tracepaper-studio");

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  @Test
  void theClinicSchemaHasTheViewsQueriesAndRelations() {
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", clinic()));
    GraphQLObjectType query = schema.getQueryType();
    assertThat(signature(query.getFieldDefinition("getSchedule")))
        .isEqualTo("(appointmentId: String!): Schedule");
    assertThat(signature(query.getFieldDefinition("listInvoiceSummaries")))
        .isEqualTo("(limit: Int, nextToken: String): InvoiceSummaryConnection!");
    assertThat(signature(query.getFieldDefinition("schedulesByPatient")))
        .isEqualTo("(patientId: String!, limit: Int, nextToken: String): ScheduleConnection!");
    GraphQLObjectType schedule = schema.getObjectType("Schedule");
    assertThat(signature(schedule.getFieldDefinition("practitioner")))
        .isEqualTo(": PractitionerDirectory");
    GraphQLObjectType card = schema.getObjectType("PatientCard");
    assertThat(signature(card.getFieldDefinition("upcoming")))
        .isEqualTo("(limit: Int, nextToken: String): ScheduleConnection!");
    GraphQLObjectType page = schema.getObjectType("ScheduleConnection");
    assertThat(GraphQLTypeUtil.simplePrint(page.getFieldDefinition("items").getType()))
        .isEqualTo("[Schedule!]!");
    assertThat(GraphQLTypeUtil.simplePrint(page.getFieldDefinition("nextToken").getType()))
        .isEqualTo("String");
    assertThat(query.getFieldDefinition("ping")).isNull();
  }

  @Test
  void everyReadFieldCarriesTheDirectivesOfWhoMayReadIt() {
    String sdl = render("schema.graphql.ftl", clinic());
    String receptionists = "@aws_cognito_user_pools(cognito_groups: [\"receptionist\"])";
    assertThat(sdl)
        .contains(
            "listInvoiceSummaries(limit: Int, nextToken: String): InvoiceSummaryConnection!"
                + " @aws_iam\n");
    assertThat(sdl)
        .contains("getInvoiceSummary(appointmentId: String!): InvoiceSummary " + receptionists);
    // A relation admits whom the view it leads to admits, not whom this view admits.
    assertThat(sdl)
        .contains(
            "invoices(limit: Int, nextToken: String): InvoiceSummaryConnection! " + receptionists);
    // Every AppSync type that reaches a view may read its type: the IAM export, the user pool
    // through the other queries and the relation; the groups are checked by those fields.
    assertThat(sdl).contains("type InvoiceSummary @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl).contains("type InvoiceSummaryConnection @aws_cognito_user_pools @aws_iam {");
    // A relation into public data admits whoever reached the row too.
    assertThat(sdl)
        .contains("practitioner: PractitionerDirectory @aws_cognito_user_pools @aws_api_key\n");
    assertThat(sdl).contains("type PractitionerDirectory @aws_cognito_user_pools @aws_api_key {");
    assertThat(sdl)
        .contains(
            "getPractitionerDirectory(practitionerId: String!): PractitionerDirectory"
                + " @aws_api_key\n");
    assertThat(sdl).contains("type PatientCard {");
    assertThat(clinic().api().additionalAuthTypes()).containsExactly("API_KEY", "AWS_IAM");
  }

  @Test
  void theClinicTemplateHasATableDataSourceAndResolversPerView() {
    String template = StackTemplates.joined(engine, clinic());
    assertThat(template)
        .contains(
            "        - IndexName: \"byPatientIdThenStartsAt\"\n"
                + "          KeySchema:\n"
                + "            - AttributeName: \"patientId\"\n"
                + "              KeyType: HASH\n"
                + "            - AttributeName: \"startsAt\"\n"
                + "              KeyType: RANGE\n");
    // In a nested stack, a table is named after the root stack, as in a single one; so is the
    // view's other generation.
    assertThat(template).contains("TableName: !Sub \"${AppName}.patient-card\"");
    assertThat(template).contains("TableName: !Sub \"${AppName}.patient-card.green\"");
    assertThat(template).contains("AttributeName: _expiresAt");
    assertThat(template).contains("ServiceRoleArn: !GetAtt ScheduleDataSourceRole.Arn");
    // A relation reads the live generation of the other view with that view's functions.
    assertThat(template)
        .contains(
            "      TypeName: PatientCard\n"
                + "      FieldName: invoices\n"
                + "      Kind: PIPELINE\n"
                + "      PipelineConfig:\n"
                + "        Functions:\n"
                + "          - !GetAtt BillingReadViewGeneration.FunctionId\n"
                + "          - !GetAtt InvoiceSummaryReadBlue.FunctionId\n"
                + "          - !GetAtt InvoiceSummaryReadGreen.FunctionId\n");
    assertThat(template)
        .contains("CodeS3Location: ../src/main/resources/resolvers/Schedule.practitioner.js");
    // The projector, in the root, finds every table by the root stack's name and a dot (the
    // tables of nested stacks are named after it), and may write the tables so named.
    assertThat(template).contains("VIEW_TABLE_PREFIX: !Sub \"${AWS::StackName}.\"");
    assertThat(template).doesNotContain("SCHEDULE_TABLE");
    assertThat(template).doesNotContain("Outputs.ScheduleTableArn");
    assertThat(template).contains("Destination: !GetAtt ProjectorDeadLetterQueue.Arn");
    assertThat(template).contains("FunctionName: !Ref ProjectorFunction.Alias");
    assertThat(template).contains("\"com.example.clinic.ViewProjector::handleRequest\"");
    assertThat(template).contains("\"com.example.clinic.ViewRebuilder::handleRequest\"");
  }

  @Test
  void theReadPathOnlyReadsAndTheProjectorOnlyWritesTheViews() {
    String template = StackTemplates.joined(engine, clinic());
    String readRole = between(template, "  ScheduleDataSourceRole:", "  ScheduleDataSource:");
    assertThat(readRole).contains("- dynamodb:GetItem");
    assertThat(readRole).contains("- dynamodb:Query");
    assertThat(readRole).contains("- dynamodb:Scan");
    assertThat(readRole).contains("!Sub \"${ScheduleTable.Arn}/index/*\"");
    assertThat(readRole).doesNotContain("Put");
    assertThat(readRole).doesNotContain("Delete");
    String projector = between(template, "  ProjectorFunction:", "  ProjectorStreamMapping:");
    assertThat(projector)
        .contains(
            "Resource: !Sub \"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}"
                + ":table/${AWS::StackName}.*\"");
    assertThat(projector).contains("      - PatientsStack\n");
    assertThat(projector).contains("Resource: !GetAtt EventStoreTable.StreamArn");
    assertThat(projector).doesNotContain("Scan");
    // The event store itself only to fold a from view's aggregate again: Query, nothing else.
    assertThat(projector)
        .contains("Action: dynamodb:Query\n              Resource: !GetAtt EventStoreTable.Arn");
    assertThat(projector.split("EventStoreTable.Arn", -1)).hasLength(2);
    String rebuild = between(template, "  RebuildFunction:", "\n  # ----");
    assertThat(rebuild).contains("Resource: !GetAtt EventStoreTable.Arn");
    assertThat(rebuild).doesNotContain("StreamArn");
  }

  @Test
  void aStateMachineRepeatsTheRebuildsStepsWhichKeepTheirPlaceInTheBookkeepingTable() {
    String template = StackTemplates.joined(engine, clinic());
    String bookkeeping = between(template, "  ViewBookkeepingTable:", "\n\n");
    assertThat(bookkeeping).contains("TableName: !Sub \"${AWS::StackName}-_view-bookkeeping\"");
    assertThat(bookkeeping).contains("AttributeName: expiresAt");
    String projector = between(template, "  ProjectorFunction:", "  ProjectorStreamMapping:");
    assertThat(projector).contains("Resource: !GetAtt ViewBookkeepingTable.Arn");
    String rebuild = between(template, "  RebuildFunction:", "  RebuildStateMachine:");
    assertThat(rebuild)
        .contains("- dynamodb:Query\n              Resource: !GetAtt EventStoreTable.Arn");
    assertThat(rebuild).contains("- dynamodb:UpdateItem");
    String machine = between(template, "  RebuildStateMachine:", "\n\n");
    assertThat(machine).contains("RebuildFunctionArn: !Ref RebuildFunction.Alias");
    assertThat(machine).contains("StringEquals: replaying");
    assertThat(template).contains("Value: !Ref RebuildStateMachine");
  }

  @Test
  void theReadmeSaysHowToRebuildAView() {
    String readme = render("README.md.ftl", clinic());
    assertThat(readme)
        .contains(
            "aws stepfunctions start-execution --state-machine-arn <RebuildStateMachineArn> \\\n"
                + "  --input '{\"view\": \"PractitionerDirectory\"}'");
    assertThat(readme)
        .contains("--payload '{\"view\": \"PractitionerDirectory\", \"action\": \"cancel\"}'");
    assertThat(readme).contains("### PatientCard");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertWithMessage("no " + from).that(start).isAtLeast(0);
    int end = text.indexOf(to, start + from.length());
    assertWithMessage("no " + to + " after " + from).that(end).isAtLeast(0);
    return text.substring(start, end);
  }

  @Test
  void aModelWithoutViewsHasNoReadSide() throws IOException {
    ProjectData writeOnly = writeOnlyLibrary();
    assertThat(StackTemplates.joined(engine, writeOnly)).doesNotContain("Projector");
    assertThat(render("README.md.ftl", writeOnly)).doesNotContain("RebuildFunction");
  }

  @Test
  void valueTypesInAViewAreReadableByEveryTypeThatReadsTheView() throws IOException {
    ProjectData project =
        ModelProjects.editedExample(
            out.resolve("open-cards"),
            "clinic",
            text ->
                text.replace(
                    "from: Patient\n    auth: [role:receptionist, role:practitioner]",
                    "from: Patient\n    auth: [iam, role:receptionist]"));
    String sdl = render("schema.graphql.ftl", project);
    AppSyncSchema.validate(sdl);
    // ContactDetails holds an Address: both are reached through PatientCard.
    assertThat(sdl).contains("type ContactDetails @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl).contains("type Address @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl).contains("type EmergencyContact @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl).contains("type PatientCard @aws_cognito_user_pools @aws_iam {");
    // The relations of a type with directives name the default type explicitly, so that they do
    // not fall back to the type's own.
    assertThat(sdl)
        .contains(
            "upcoming(limit: Int, nextToken: String): ScheduleConnection!"
                + " @aws_cognito_user_pools(cognito_groups: [\"receptionist\", \"practitioner\"])");
  }

  /**
   * A view kept {@code from} an aggregate may hold its entities; they generated no Java type for
   * the row before (the generator stopped on a model validation let through).
   */
  @Test
  void aFromViewHoldsListsOfItsAggregatesEntitiesAndOfValueTypes() throws IOException {
    ProjectData project =
        ModelProjects.editedExample(
            out.resolve("iam-overview"),
            "projects",
            text -> text.replace("list: {auth: role:admin}", "list: {auth: iam}"));
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", project));
    assertThat(signature(schema.getObjectType("WorkspaceOverview").getFieldDefinition("members")))
        .isEqualTo(": [Member!]");
    assertThat(signature(schema.getObjectType("PendingTask").getFieldDefinition("links")))
        .isEqualTo(": [Link!]");
    // The entity is read by whoever reads the view, IAM callers of its list included.
    assertThat(render("schema.graphql.ftl", project))
        .contains("type Member @aws_cognito_user_pools @aws_iam {");
    ViewData overview =
        project.views().stream()
            .filter(v -> v.name().equals("WorkspaceOverview"))
            .findFirst()
            .orElseThrow();
    assertThat(overview.imports()).contains("com.example.projects.workspace.Member");
  }

  /**
   * {@code sort: field} keeps its meaning (latest first); {@code asc} and {@code {field, order}}
   * turn it; a prefix query has an optional argument for the text its field begins with and reads
   * in that field's order. A {@code by} relation pages as the query over its index does.
   */
  @Test
  void indexQueriesReadInTheOrderTheModelAsksAndMatchAPrefix() {
    ProjectData projects = ModelProjects.of(TestPaths.examples().resolve("projects"));
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", projects));
    GraphQLObjectType query = schema.getQueryType();
    assertThat(signature(query.getFieldDefinition("pendingTasksByTitle")))
        .isEqualTo(
            "(workspaceId: String!, titlePrefix: String, limit: Int, nextToken: String)"
                + ": PendingTaskConnection!");
    assertThat(query.getFieldDefinition("pendingTasksByTitle").getDescription())
        .isEqualTo(
            "A page of the PendingTask rows with this workspaceId whose title begins with"
                + " titlePrefix (every row with this workspaceId without it), in ascending order of"
                + " title; pass the nextToken of a page to get the next");
    Map<String, QueryData> projectQueries = queries(projects);
    assertThat(projectQueries.get("pendingTasksByWorkspace").ascending()).isFalse();
    assertThat(projectQueries.get("pendingTasksByAssignee").ascending()).isTrue();
    assertThat(projectQueries.get("pendingTasksByTitle").ascending()).isTrue();
    assertThat(projectQueries.get("pendingTasksByTitle").indexName())
        .isEqualTo("byWorkspaceIdThenTitle");
    assertThat(StackTemplates.joined(engine, projects))
        .contains(
            "        - IndexName: \"byWorkspaceIdThenTitle\"\n"
                + "          KeySchema:\n"
                + "            - AttributeName: \"workspaceId\"\n"
                + "              KeyType: HASH\n"
                + "            - AttributeName: \"title\"\n"
                + "              KeyType: RANGE\n");
    ProjectData clinic = clinic();
    assertThat(queries(clinic).get("schedulesByPractitioner").ascending()).isTrue();
    assertThat(queries(clinic).get("schedulesByPatient").ascending()).isTrue();
    RelationData upcoming =
        clinic.views().stream()
            .flatMap(v -> v.relations().stream())
            .filter(r -> r.field().equals("upcoming"))
            .findFirst()
            .orElseThrow();
    assertThat(upcoming.targetAscending()).isTrue();
    assertThat(render("schema.graphql.ftl", clinic))
        .contains(
            "\"A page of the Schedule rows whose patientId is this row's patientId, in ascending"
                + " order of startsAt\"");
  }

  private static Map<String, QueryData> queries(ProjectData project) {
    Map<String, QueryData> queries = new java.util.LinkedHashMap<>();
    project.views().forEach(v -> v.queries().forEach(q -> queries.put(q.field(), q)));
    return queries;
  }

  @Test
  void aModelWithoutViewsKeepsThePlaceholderQuery() throws IOException {
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", writeOnlyLibrary()));
    assertThat(schema.getQueryType().getFieldDefinitions()).hasSize(1);
    assertThat(schema.getQueryType().getFieldDefinition("ping")).isNotNull();
  }

  /**
   * The library keeps {@code AddressV1} only for what version 1 of {@code MemberJoined} stored: the
   * upcast reads it, the API never holds it.
   */
  @Test
  void aTypeOnlyOlderEventVersionsNameIsNoGraphQlType() {
    GraphQLSchema schema =
        AppSyncSchema.validate(
            render(
                "schema.graphql.ftl", ModelProjects.of(TestPaths.examples().resolve("library"))));
    assertThat(schema.getType("Address")).isNotNull();
    assertThat(schema.getType("AddressInput")).isNotNull();
    assertThat(schema.getType("AddressV1")).isNull();
    assertThat(schema.getType("AddressV1Input")).isNull();
  }

  @Test
  void hostileViewDescriptionsReadBackExactly() {
    ProjectData hostile = ModelProjects.describedAs(clinic(), InfrastructureTemplatesTest.HOSTILE);
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", hostile));
    assertThat(((GraphQLNamedType) schema.getType("Schedule")).getDescription())
        .isEqualTo(InfrastructureTemplatesTest.HOSTILE);
  }

  /** Every resolver of every example, checked by one node run (each run costs its start). */
  @Test
  void everyResolverBuildsItsRequestAndShapesItsResult() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the AppSync resolvers");
    installUtilsStub();
    ObjectMapper json = JsonMapper.builder().build();
    List<String> kinds = new java.util.ArrayList<>();
    ArrayNode manifest = json.createArrayNode();
    for (String example : EXAMPLES) {
      ProjectData project = ModelProjects.of(TestPaths.examples().resolve(example));
      Path folder = out.resolve(example);
      ObjectNode functions =
          json.createObjectNode()
              .put("generation", folder.resolve(GraphQlNames.GENERATION_FUNCTION_FILE).toString())
              .put("blue", folder.resolve(GraphQlNames.readFunctionFile("blue")).toString())
              .put("green", folder.resolve(GraphQlNames.readFunctionFile("green")).toString());
      for (Layout.Output output : new Layout(project).outputs(TemplateCatalog.all())) {
        if (output.path().startsWith("src/main/resources/resolvers/generation/")) {
          write(folder.resolve(output.path()), engine.render(output.template(), output.data()));
        }
        // A keyed subscription's resolver reads nothing: SubscriptionTemplatesTest runs it.
        boolean reads = output.data().containsKey("query") || output.data().containsKey("relation");
        if (ViewResolverLayout.holds(output.template()) && reads) {
          Path file = folder.resolve(output.path());
          write(file, engine.render(output.template(), output.data()));
          ObjectNode expected = expectations(json, file, output.data());
          expected.set("functions", functions);
          manifest.add(expected);
          kinds.add(expected.get("kind").asString());
        }
      }
      for (String function : List.of("generation", "blue", "green")) {
        assertWithMessage("%s: the %s function", example, function)
            .that(Files.exists(Path.of(functions.get(function).asString())))
            .isTrue();
      }
    }
    assertThat(manifest.size()).isAtLeast(25);
    for (String kind : List.of("GET", "LIST", "INDEX", "REF", "BY", "REFS")) {
      assertWithMessage("resolvers of kind " + kind).that(kinds).contains(kind);
    }
    write(out.resolve("resolvers.json"), json.writeValueAsString(manifest));
    write(out.resolve("check.mjs"), resource("check-view-resolvers.mjs"));
    ExternalTool.Result result = node.run(out, "check.mjs", "resolvers.json");
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
  }

  /** What the node check expects of one resolver, from the data model it was rendered with. */
  private static ObjectNode expectations(ObjectMapper json, Path file, Map<String, Object> data) {
    ObjectNode r = json.createObjectNode().put("file", file.toString());
    if (data.get("query") instanceof QueryData q) {
      r.put("view", ((ViewData) data.get("view")).name());
      r.put("kind", q.kind()).put("key", q.argument()).put("field", q.argument());
      r.put("index", q.indexName()).put("sorted", !q.sortField().isEmpty());
      r.put("ascending", q.ascending()).put("sortField", q.sortField());
      r.put("prefix", q.prefixArgument());
    } else {
      RelationData rel = (RelationData) data.get("relation");
      // A relation reads the live generation of the view it leads to.
      r.put("view", rel.target());
      r.put("kind", rel.kind()).put("sourceField", rel.sourceField());
      r.put("targetKey", rel.targetField()).put("sourceKey", rel.sourceField());
      r.put("targetField", rel.targetField()).put("index", rel.targetIndex());
      r.put("sorted", !rel.targetSortField().isEmpty()).put("ascending", rel.targetAscending());
      r.put("prefix", rel.prefixArgument()).put("sortField", rel.targetSortField());
      ObjectNode tables = r.putObject("tables");
      for (ViewData target : ((ProjectData) data.get("project")).views()) {
        if (target.name().equals(rel.target())) {
          target.generations().forEach(g -> tables.put(g.colour(), g.tableSuffix()));
        }
      }
    }
    assertThat(((ViewData) data.get("view")).name()).isNotEmpty();
    return r;
  }

  private void installUtilsStub() throws IOException {
    write(out.resolve("package.json"), "{\"type\": \"module\"}\n");
    write(
        out.resolve("node_modules/@aws-appsync/utils/package.json"),
        "{\"name\": \"@aws-appsync/utils\", \"type\": \"module\", \"exports\": \"./index.js\"}\n");
    write(out.resolve("node_modules/@aws-appsync/utils/index.js"), resource("utils-stub.mjs"));
  }

  private static String signature(GraphQLFieldDefinition field) {
    String arguments =
        field.getArguments().isEmpty()
            ? ""
            : field.getArguments().stream()
                .map(a -> a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    return arguments + ": " + GraphQLTypeUtil.simplePrint(field.getType());
  }

  /** The library without its views. */
  private ProjectData writeOnlyLibrary() throws IOException {
    Path model = out.resolve("write-only");
    Files.createDirectories(model);
    for (String file : List.of("app.yaml", "catalog.yaml", "membership.yaml")) {
      Files.copy(TestPaths.examples().resolve("library").resolve(file), model.resolve(file));
    }
    return ModelProjects.of(model);
  }

  private static ProjectData clinic() {
    return ModelProjects.of(TestPaths.examples().resolve("clinic"));
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

  private static String resource(String name) throws IOException {
    try (InputStream in = ReadSideTemplatesTest.class.getResourceAsStream("/appsync/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource appsync/" + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
