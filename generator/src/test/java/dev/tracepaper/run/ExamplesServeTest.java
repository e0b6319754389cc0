package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every example, and the model {@code tracepaper init} writes, serves, and every operation the
 * playground prefills is valid GraphQL for its schema that runs without an internal error:
 * mutations first (as a user with every role), then the queries.
 */
class ExamplesServeTest {

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "tracepaper-studio", "init"})
  void everyPrefilledOperationRuns(String example) throws Exception {
    try (LocalLibrary served = LocalLibrary.start(folder, example)) {
      JsonNode model = served.get("model");
      List<String> roles = new ArrayList<>();
      model.get("roles").forEach(r -> roles.add(r.asString()));
      String everyRole = LocalLibrary.token("u-1", "alex", roles);
      int mutations = 0;
      int queries = 0;
      for (String kind : List.of("mutation", "query")) {
        for (JsonNode operation : model.get("operations")) {
          if (!operation.get("kind").asString().equals(kind)) {
            continue;
          }
          JsonNode answer = served.graphql(operation.get("text").asString(), everyRole);
          for (JsonNode error : answer.path("errors")) {
            assertWithMessage("%s %s: %s", example, operation.get("label"), error)
                .that(error.get("errorType").asString())
                .isNoneOf("INTERNAL_ERROR", "ValidationError", "InvalidSyntax");
          }
          if (kind.equals("mutation")) {
            mutations++;
          } else {
            queries++;
          }
        }
      }
      assertWithMessage("mutations of %s", example).that(mutations).isGreaterThan(0);
      assertWithMessage("queries of %s", example).that(queries).isGreaterThan(0);
    }
  }
}
