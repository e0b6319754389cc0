package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.render.data.HandlerExample;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code generated for the shapes of model that once validated and then failed in the generated
 * build (issue 11), from {@code e2e/shapes/}, whose project {@code GeneratedProjectsTest} builds
 * and tests for real: here, quickly, the lines that used to be wrong.
 */
class ModelShapesTest {

  private static final String PAPER = "src/main/java/com/example/shapes/paper/";
  private static Map<String, String> files;

  @BeforeAll
  static void render() throws Exception {
    files =
        GeneratedGoldenTest.render(
            TestPaths.root().resolve("generator/src/test/resources/e2e/shapes"));
  }

  @Test
  void aCommandThatOnlyChecksRecordsNoEvent() {
    assertThat(files.get(PAPER + "CheckPaperFlow.java"))
        .contains(
            """
                  throw CommandError.rule("NOT_REVIEWED", "The paper has no review yet");
                }
                // The model records no event: the command only checks its rules.
                return List.of();
              }
            """);
    assertThat(files.get(PAPER + "CheckAfterReviewFlow.java"))
        .contains(
            "// The model records no event: the policy only checks its rules.\n    return List.of();\n  }");
  }

  @Test
  void aCustomFlowWithoutEmitsHandsItsCodeNoEvents() {
    for (String flow : new String[] {"AnnouncePaperFlow", "NoteReviewFlow"}) {
      String variable = flow.equals("AnnouncePaperFlow") ? "command" : "event";
      assertThat(files.get(PAPER + flow + ".java"))
          .contains(
              "    // The model records no event here; the hand-written part may add some.\n"
                  + "    return custom.decide("
                  + variable
                  + ", state, user, now, List.of());\n  }");
    }
  }

  @Test
  void customCodeIsCreatedWithTheHandlersContextAndHandedToItsFlow() {
    String handler = files.get(PAPER + "PaperCommandHandler.java");
    assertThat(handler).contains("  private final AnnouncePaperCustom announcePaperCustom;\n");
    assertThat(handler)
        .contains("    this.announcePaperCustom = new AnnouncePaperCustomCode(context);\n");
    assertThat(handler).contains("metadata.now(), announcePaperCustom));");
    assertThat(files.get(PAPER + "AnnouncePaperCustomCode.java"))
        .contains(
            "  AnnouncePaperCustomCode(CustomContext context) {\n    this.context = context;\n  }");
    assertThat(files.get(PAPER + "AnnouncePaperFlow.java")).doesNotContain("static final");
  }

  @Test
  void typedValuesGoIntoJsonFieldsAsJson() {
    String projection =
        files.get("src/main/java/com/example/shapes/views/PaperCardProjection.java");
    assertThat(projection).contains("JsonValues.ofList(state.reviews(), Review::toJson),");
    assertThat(projection).contains("JsonValues.of(state.contact(), Contact::toJson),");
    assertThat(projection).contains("JsonValues.of(state, PaperState::toJson),");
    assertThat(projection)
        .contains(
            "JsonValues.ofList(state.reviews().stream().map(r -> r.score()).toList(), JsonValues::ofInteger),");
    assertThat(projection).contains("JsonValues.of(state.code(), JsonValues::ofText),");
    assertThat(projection).contains("JsonValues.eachOf(state.reviews(), Review::toJson));");
    assertThat(files.get("src/main/java/com/example/shapes/views/ReviewLogProjection.java"))
        .contains("JsonValues.of(event, PaperReviewed::toJson));");
  }

  @Test
  void theHandlerTestSendsEachTextFieldATextItsChecksAccept() {
    String test = files.get("src/test/java/com/example/shapes/paper/PaperCommandHandlerTest.java");
    // The generator fits texts to a text of PROBE_LENGTH characters: the test's text is that long.
    assertThat(test)
        .contains(
            "assertEquals("
                + HandlerExample.PROBE_LENGTH
                + ", text.codePointCount(0, text.length()));");
    assertThat(test)
        .contains(
            """
                Map<String, String> texts = new LinkedHashMap<>();
                texts.put("title", text);
                texts.put("summary", text + "a".repeat(24)); // lengthened to its minLength of 60
                texts.put("code", "AAA-00"); // a text its pattern accepts
                texts.put("track", text.substring(0, text.offsetByCodePoints(0, 8))); // cut to its maxLength of 8
            """);
  }

  @Test
  void aPolicyTestMayLeaveNumbersOutOfItsTriggeringEvent() {
    assertThat(files.get("src/test/java/com/example/shapes/paper/NoteReviewTest.java"))
        .contains("\\\"score\\\":0");
  }
}
