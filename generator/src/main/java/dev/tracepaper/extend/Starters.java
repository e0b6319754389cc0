package dev.tracepaper.extend;

import dev.tracepaper.output.Change;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.output.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commented extension files a project's first generation starts it with: they add nothing until
 * the user writes into them, and show where each kind of addition goes. They are created like stubs
 * (only where no file is) but left out of the manifest, so no run ever updates or deletes them, and
 * a user who deletes them does not get them back.
 */
public final class Starters {

  private static final String REASON = "a starter for your additions (docs/extending.md); yours";

  private Starters() {}

  /** {@code tree} with the starters added, each naming the project's generated functions. */
  public static FileTree add(FileTree tree) {
    Set<String> functions = new TreeSet<>();
    for (GeneratedFile file : tree.files()) {
      if (!file.stub() && isYaml(file.relativePath())) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        if (text.contains(SamTemplate.FUNCTION_TYPE)) {
          functions.addAll(FunctionIds.of(file.relativePath(), text));
        }
      }
    }
    List<GeneratedFile> files = new ArrayList<>(tree.files());
    files.add(stub(Extensions.TEMPLATE, template(functions)));
    files.add(stub(Extensions.POM, POM));
    return FileTree.of(files);
  }

  private static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /** The plan with the starters' own reason instead of a stub's. */
  public static Plan explained(Plan plan) {
    List<Change> changes = new ArrayList<>();
    for (Change change : plan.changes()) {
      boolean starter =
          change.path().equals(Extensions.TEMPLATE) || change.path().equals(Extensions.POM);
      changes.add(
          starter && change.file().isPresent() && change.reason().startsWith("a stub")
              ? new Change(change.path(), change.action(), REASON, change.file())
              : change);
    }
    return new Plan(plan.out(), changes, plan.manifest(), plan.manifestChanged());
  }

  private static GeneratedFile stub(String path, String text) {
    return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), false, true);
  }

  private static String template(Set<String> functions) {
    StringBuilder names = new StringBuilder();
    for (String function : functions) {
      names.append("#   ").append(function).append('\n');
    }
    return """
        # Your additions to template.yaml, merged into it by every `tracepaper generate`
        # (Tracepaper's docs/extending.md). This file is yours: generate reads it and never writes it.
        # Everything stays commented until you need it; a name the generator already uses is refused.
        #
        # Parameters:            # added to template.yaml's sections, as in any SAM template
        # Conditions:
        # Resources:
        #   ReportsBucket:
        #     Type: AWS::S3::Bucket
        # Outputs:
        #   ReportsBucketName:
        #     Value: !Ref ReportsBucket
        #
        # AllFunctions:          # for every generated function
        #   Environment:
        #     Variables:
        #       LOG_LEVEL: INFO
        #
        # Functions:             # per generated function, by logical id
        #   %s:
        #     Environment:
        #       Variables:
        #         REPORTS_BUCKET: !Ref ReportsBucket
        #     Policies:          # SAM policies: templates, managed policies or statements
        #       - S3CrudPolicy:
        #           BucketName: !Ref ReportsBucket
        #
        # The generated functions:
        %s"""
        .formatted(functions.isEmpty() ? "SomeFunction" : functions.iterator().next(), names);
  }

  private static final String POM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Your additions to pom.xml, merged into it by every `tracepaper generate` (Tracepaper's
           docs/extending.md). This file is yours: generate reads it and never writes it. A property,
           dependency or plugin the generator declares is refused. -->
      <project>
        <!--
        <properties>
          <reports.format>csv</reports.format>
        </properties>
        <dependencies>
          <dependency>
            <groupId>software.amazon.awssdk</groupId>
            <artifactId>s3</artifactId>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-enforcer-plugin</artifactId>
              <version>3.5.0</version>
            </plugin>
          </plugins>
        </build>
        -->
      </project>
      """;
}
