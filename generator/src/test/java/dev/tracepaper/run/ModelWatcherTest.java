package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code test --watch} and {@code run} watch: the model's files and the templates beside them,
 * not the folders that are never the model (hidden ones, generated output, a run's data folder).
 */
class ModelWatcherTest {

  @TempDir Path folder;

  private Map<String, String> watched(Path... paths) {
    return new ModelWatcher(List.of(paths), List.of(folder.resolve("data")), () -> {}).signature();
  }

  private void write(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void anAutomationsTemplateBesideTheModelIsWatched() throws Exception {
    write("model.yaml", "tracepaper: 1\n");
    write("mail/welcome.html", "<p>Hello {{name}}</p>");
    Map<String, String> before = watched(folder);

    write("mail/welcome.html", "<p>Welcome, {{name}}!</p>");

    assertThat(before.keySet()).contains(folder.resolve("mail/welcome.html").toString());
    assertThat(watched(folder)).isNotEqualTo(before);
  }

  @Test
  void aModelFilesTemplatesAreWatchedButNotOtherYamlBesideIt() throws Exception {
    write("model.yaml", "tracepaper: 1\n");
    write("welcome.txt", "Hello");
    write("other.yaml", "not: this model\n");

    assertThat(watched(folder.resolve("model.yaml")).keySet())
        .containsExactly(
            folder.resolve("model.yaml").toString(), folder.resolve("welcome.txt").toString());
  }

  @Test
  void hiddenGeneratedAndRunDataFoldersAreNotWatched() throws Exception {
    write("model.yaml", "tracepaper: 1\n");
    write(".git/HEAD", "ref: main");
    write("generated/shop/.tracepaper/manifest.json", "{}");
    write("generated/shop/template.yaml", "Resources: {}\n");
    Map<String, String> before = watched(folder);

    write("data/model/model.yaml.stored", "tracepaper: 1\n");
    write("data/events.jsonl", "{}\n");

    assertThat(before.keySet()).containsExactly(folder.resolve("model.yaml").toString());
    assertThat(watched(folder)).isEqualTo(before);
  }
}
