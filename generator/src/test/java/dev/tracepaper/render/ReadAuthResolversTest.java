package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.tools.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization that depends on the data, on the read side: the resolvers of examples/projects
 * (owner fields, a condition on the argument, a relation into a view with an owner) and of a model
 * in the studio's form (the group computed from the argument) run under node as several callers,
 * with forged arguments: each must be refused or shown only the rows its auth admits.
 */
class ReadAuthResolversTest {

  /** The Tracepaper studio's rule: a project is read by the viewers of its workspace. */
  private static final String STUDIO =
      """
      tracepaper: 1
      app: {name: studio, package: com.example.studio}
      aggregates:
        Project:
          key: drn
          fields: {drn: String, name: String}
          events:
            ProjectInitialized: {fields: {drn: String, name: String}}
          commands:
            InitializeProject:
              creates: true
              fields: {drn: String, name: String}
              emits: [ProjectInitialized]
              tests:
                - when: {drn: 'D1:acme:Shop', name: Shop}
                  then: {events: [ProjectInitialized]}
      views:
        Project:
          from: Project
          fields: {drn: String, name: String}
          queries:
            get:
              auth:
                when: "args.drn.split(':')[0] + ':' + args.drn.split(':')[1] + '-viewer' in user.roles"
            list:
              auth: {when: "!(row.drn.split(':')[2] == 'Draft')"}
      """;

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  @Test
  void aForgedArgumentOrARelationShowsNoRowTheAuthDoesNotAdmit() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the AppSync resolvers");
    write(out.resolve("package.json"), "{\"type\": \"module\"}\n");
    write(
        out.resolve("node_modules/@aws-appsync/utils/package.json"),
        "{\"name\": \"@aws-appsync/utils\", \"type\": \"module\", \"exports\": \"./index.js\"}\n");
    write(out.resolve("node_modules/@aws-appsync/utils/index.js"), resource("utils-stub.mjs"));
    Path studio = out.resolve("studio-model");
    write(studio.resolve("studio.yaml"), STUDIO);
    renderResolvers(ModelProjects.of(TestPaths.examples().resolve("projects")), "projects");
    renderResolvers(ModelProjects.of(studio), "studio");
    write(out.resolve("check.mjs"), resource("check-read-auth.mjs"));
    ExternalTool.Result result = node.run(out, "check.mjs", out.toString());
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
    assertThat(result.output()).contains("ok 8");
  }

  private void renderResolvers(ProjectData project, String folder) throws Exception {
    for (Layout.Output output : new Layout(project).outputs(TemplateCatalog.all())) {
      if (ViewResolverLayout.holds(output.template())) {
        write(
            out.resolve(folder).resolve(output.path()),
            engine.render(output.template(), output.data()));
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReadAuthResolversTest.class.getResourceAsStream("/appsync/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource appsync/" + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
