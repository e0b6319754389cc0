package dev.tracepaper.extend;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionIdsTest {

  /**
   * The packaged templates write every function in the layout read off the text, and reading it
   * finds what composing finds; were a template to change its layout, the starter would still be
   * right (composed), only slower, and this test says so.
   */
  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects", "tracepaper-studio"})
  void thePackagedTemplatesFunctionsAreReadOffTheTextAsComposingFindsThem(String example)
      throws Exception {
    Validator.Outcome outcome =
        new Validator().run(List.of(TestPaths.examples().resolve(example)), TestPaths.root());
    ModelIndex index = outcome.index().orElseThrow();
    int templates = 0;
    for (GeneratedFile file :
        ProjectRenderer.packaged().render(ProjectDataBuilder.build(index)).files()) {
      String text = new String(file.content(), StandardCharsets.UTF_8);
      if (file.relativePath().endsWith(".yaml") && text.contains(SamTemplate.FUNCTION_TYPE)) {
        templates++;
        List<String> composed =
            List.copyOf(
                SamTemplate.parse(file.relativePath(), text).orElseThrow().functions().keySet());
        assertWithMessage("%s of %s", file.relativePath(), example)
            .that(FunctionIds.inBlockLayout(text))
            .isEqualTo(Optional.of(composed));
        assertThat(composed).isNotEmpty();
      }
    }
    assertWithMessage("templates with functions in %s", example).that(templates).isAtLeast(1);
  }

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Resources:
        BookCommandFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: x
        Table:
          Type: AWS::DynamoDB::Table
        PublisherFunction:
          Type: AWS::Serverless::Function
      Outputs:
        Name:
          Value: !Ref Table
      """;

  @Test
  void readsTheIdsInTheFilesOrder() {
    assertThat(FunctionIds.inBlockLayout(TEMPLATE))
        .isEqualTo(Optional.of(List.of("BookCommandFunction", "PublisherFunction")));
    assertThat(FunctionIds.of("t.yaml", TEMPLATE))
        .containsExactly("BookCommandFunction", "PublisherFunction")
        .inOrder();
  }

  @Test
  void anyOtherMentionOfTheTypeComposesTheFile() {
    String commented =
        TEMPLATE.replace("Outputs:", "# a AWS::Serverless::Function is a Lambda\nOutputs:");
    String flow =
        TEMPLATE.replace(
            "  PublisherFunction:\n    Type: AWS::Serverless::Function\n",
            "  PublisherFunction: {Type: AWS::Serverless::Function}\n");
    String quotedKey = TEMPLATE.replace("  PublisherFunction:", "  'PublisherFunction':");
    String afterResources = TEMPLATE + "Metadata:\n  X:\n    Type: AWS::Serverless::Function\n";
    for (String text : List.of(commented, flow, quotedKey, afterResources)) {
      assertWithMessage(text).that(FunctionIds.inBlockLayout(text)).isEmpty();
    }
    assertThat(FunctionIds.of("t.yaml", commented))
        .containsExactly("BookCommandFunction", "PublisherFunction");
    assertThat(FunctionIds.of("t.yaml", flow))
        .containsExactly("BookCommandFunction", "PublisherFunction");
    assertThat(FunctionIds.of("t.yaml", quotedKey))
        .containsExactly("BookCommandFunction", "PublisherFunction");
  }

  @Test
  void aFileThatIsNoTemplateHasNoFunctions() {
    String notATemplate = "Resources:\n  X:\n    Type: AWS::Serverless::Function\n";
    assertThat(FunctionIds.inBlockLayout(notATemplate)).isEmpty();
    assertThat(FunctionIds.of("config.yaml", notATemplate)).isEmpty();
  }
}
