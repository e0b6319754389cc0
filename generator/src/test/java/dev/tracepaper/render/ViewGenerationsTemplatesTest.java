package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.GenerationData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
import dev.tracepaper.render.data.StackData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.security.SamTemplate;
import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each view has two generations, blue and green, alike but for the green table's name, and every
 * query and relation is a pipeline that reads which one is live before reading it: read from the
 * templates of each example as YAML, with the nested stacks in place, so a resource in any stack
 * counts. What each piece of JavaScript does is checked under node by {@link
 * ReadSideTemplatesTest}.
 */
class ViewGenerationsTemplatesTest {

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  private static final String GENERATION_FUNCTIONS = "src/main/resources/resolvers/generation/";
  private static final Map<String, String> FUNCTION_FILES =
      Map.of("blue", "ReadBlue.js", "green", "ReadGreen.js");

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects", "tracepaper-studio"})
  void theGreenTableIsTheBlueOneUnderAnotherName(String example) {
    ProjectData project = ModelProjects.of(TestPaths.examples().resolve(example));
    Map<String, Map<String, Object>> resources = resources(project);
    for (ViewData view : project.views()) {
      assertThat(view.generations().stream().map(GenerationData::colour).toList())
          .containsExactly("blue", "green")
          .inOrder();
      GenerationData blue = view.generations().get(0);
      GenerationData green = view.generations().get(1);
      // Blue keeps the names of the view's only table: deployed tables keep their rows.
      assertThat(blue.tableLogicalId()).isEqualTo(view.tableLogicalId());
      assertThat(blue.dataSourceLogicalId()).isEqualTo(view.dataSourceLogicalId());
      assertThat(blue.tableSuffix()).isEqualTo(view.tableSuffix());
      assertThat(green.tableSuffix()).isEqualTo(view.tableSuffix() + ".green");

      Map<String, Object> blueTable = resources.get(blue.tableLogicalId());
      Map<String, Object> greenTable = resources.get(green.tableLogicalId());
      assertWithMessage("%s: %s", example, green.tableLogicalId()).that(greenTable).isNotNull();
      Map<String, Object> greenAsBlue = new LinkedHashMap<>(greenTable);
      Map<String, Object> properties = new LinkedHashMap<>(properties(greenTable));
      Intrinsic greenName = (Intrinsic) properties.get("TableName");
      Intrinsic blueName = (Intrinsic) properties(blueTable).get("TableName");
      assertThat(greenName.argument()).isEqualTo(blueName.argument() + ".green");
      properties.put("TableName", blueName);
      greenAsBlue.put("Properties", properties);
      // Key schema, indexes, TTL, point-in-time recovery, deletion policies: all alike.
      assertWithMessage("%s: %s beside %s", example, green.tableLogicalId(), blue.tableLogicalId())
          .that(greenAsBlue)
          .isEqualTo(blueTable);

      for (GenerationData generation : view.generations()) {
        Map<String, Object> source = properties(resources.get(generation.dataSourceLogicalId()));
        assertThat(source.get("Type")).isEqualTo("AMAZON_DYNAMODB");
        assertThat(path(source, "DynamoDBConfig", "TableName"))
            .isEqualTo(new Intrinsic("Ref", generation.tableLogicalId()));
        // One role reads both tables.
        assertThat(source.get("ServiceRoleArn"))
            .isEqualTo(new Intrinsic("GetAtt", view.dataSourceLogicalId() + "Role.Arn"));
        Map<String, Object> function = properties(resources.get(generation.functionLogicalId()));
        assertThat(function.get("DataSourceName"))
            .isEqualTo(new Intrinsic("GetAtt", generation.dataSourceLogicalId() + ".Name"));
        // One file per colour, shared by every view's function of that colour.
        assertThat(generation.functionFile())
            .isEqualTo(GENERATION_FUNCTIONS + FUNCTION_FILES.get(generation.colour()));
        assertThat(String.valueOf(function.get("CodeS3Location")))
            .endsWith(generation.functionFile());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects", "tracepaper-studio"})
  void everyReadIsAPipelineThroughTheLiveGenerationAndMutationsStayUnits(String example) {
    ProjectData project = ModelProjects.of(TestPaths.examples().resolve(example));
    Map<String, Map<String, Object>> resources = resources(project);
    List<StackData> stacks = new ArrayList<>(project.stacks().nested());
    stacks.add(project.stacks().root());
    int pipelines = 0;
    for (StackData stack : stacks) {
      if (stack.views().isEmpty()) {
        assertThat(resources).doesNotContainKey(stack.generationDataSourceLogicalId());
        assertThat(resources).doesNotContainKey(stack.generationFunctionLogicalId());
        continue;
      }
      Map<String, Object> source = properties(resources.get(stack.generationDataSourceLogicalId()));
      assertThat(path(source, "DynamoDBConfig", "TableName"))
          .isEqualTo(new Intrinsic("Ref", "ViewBookkeepingTable"));
      Map<String, Object> function = properties(resources.get(stack.generationFunctionLogicalId()));
      assertThat(function.get("DataSourceName"))
          .isEqualTo(new Intrinsic("GetAtt", stack.generationDataSourceLogicalId() + ".Name"));
      assertThat(String.valueOf(function.get("CodeS3Location")))
          .endsWith(GraphQlNames.GENERATION_FUNCTION_FILE);
      for (ViewData view : stack.views()) {
        for (QueryData query : view.queries()) {
          assertPipeline(resources, query.resolverLogicalId(), stack, view);
          pipelines++;
        }
      }
      for (StackData.RelationSite site : stack.relations()) {
        RelationData relation = site.relation();
        ViewData target =
            stack.views().stream()
                .filter(v -> v.name().equals(relation.target()))
                .findFirst()
                .orElseThrow();
        assertPipeline(resources, relation.resolverLogicalId(), stack, target);
        pipelines++;
      }
    }
    assertThat(pipelines).isGreaterThan(0);
    for (AggregateData aggregate : project.aggregates()) {
      for (CommandData command : aggregate.commands()) {
        Map<String, Object> resolver = properties(resources.get(command.resolverLogicalId()));
        assertThat(resolver.get("Kind")).isEqualTo("UNIT");
      }
    }
  }

  /** The pipeline of a field reading {@code view}: the stack's generation read, blue, green. */
  private static void assertPipeline(
      Map<String, Map<String, Object>> resources,
      String resolverId,
      StackData stack,
      ViewData view) {
    Map<String, Object> resolver = properties(resources.get(resolverId));
    assertWithMessage(resolverId).that(resolver.get("Kind")).isEqualTo("PIPELINE");
    assertWithMessage(resolverId).that(resolver).doesNotContainKey("DataSourceName");
    List<Object> expected = new ArrayList<>();
    expected.add(new Intrinsic("GetAtt", stack.generationFunctionLogicalId() + ".FunctionId"));
    for (GenerationData generation : view.generations()) {
      expected.add(new Intrinsic("GetAtt", generation.functionLogicalId() + ".FunctionId"));
    }
    assertWithMessage(resolverId)
        .that(path(resolver, "PipelineConfig", "Functions"))
        .isEqualTo(expected);
  }

  private Map<String, Map<String, Object>> resources(ProjectData project) {
    Map<String, String> files = new LinkedHashMap<>(StackTemplates.of(engine, project));
    String root = files.remove("template.yaml");
    return SamTemplate.flattened(root, files).resources();
  }

  /** The value at a path of map keys, or {@code null}. */
  private static Object path(Object value, String... keys) {
    for (String key : keys) {
      value = value instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    assertThat(resource).isNotNull();
    return (Map<String, Object>) resource.get("Properties");
  }
}
