package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: constraints on event fields were silently ignored. They are checked when a command
 * records the event; the generated handler test then leaves out of its "any text is stored
 * unchanged" probe the fields such an event copies, which its text could break.
 */
class EventConstraintsTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: notes, package: com.example.notes}
      aggregates:
        Note:
          key: noteId
          fields: {noteId: String, title: String, body: String, stars: Int}
          events:
            NoteWritten:
              fields:
                noteId: String
                title: {type: String, maxLength: 10}
                body: String
                stars: {type: Int, min: 0, max: 5}
          commands:
            WriteNote:
              creates: true
              fields: {noteId: String, title: String, body: String, stars: Int}
              emits: [NoteWritten]
              tests:
                - when: {noteId: n1, title: Short, body: Anything, stars: 3}
                  then: {state: {stars: 3}}
                - when: {noteId: n1, title: Short, body: Anything, stars: 6}
                  then: {error: VALIDATION}
      """;

  @Test
  void anEventChecksItsFieldsWhenRecorded(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String java = "src/main/java/com/example/notes/note/";
    assertThat(files.get(java + "NoteWritten.java"))
        .contains("input.maxLength(\"title\", event.title(), 10);");
    assertThat(files.get(java + "NoteWritten.java"))
        .contains("input.max(\"stars\", event.stars(), 5L);");
    assertThat(files.get(java + "WriteNoteFlow.java"))
        .contains("NoteWritten.checked(new NoteWritten(");
    // the probe sends a 36-character text: `title` (at most 10 characters in the event) is left out
    String handlerTest =
        files.get("src/test/java/com/example/notes/note/NoteCommandHandlerTest.java");
    assertThat(handlerTest).contains("texts.put(\"body\", text);");
    assertThat(handlerTest).doesNotContain("texts.put(\"title\"");
    assertThat(handlerTest)
        .contains(
            "// Not tried: `title`: an event it is copied into checks its own constraints on it.");
  }
}
