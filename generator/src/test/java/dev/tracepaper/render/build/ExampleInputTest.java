package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example input of a command without a test passes the fields' constraints. */
class ExampleInputTest {

  @TempDir Path folder;

  @Test
  void placeholdersPassTheFieldsConstraints() throws Exception {
    Files.writeString(
        folder.resolve("model.yaml"),
        """
        tracepaper: 1
        app: {name: shop, package: com.example.shop}
        patterns:
          Sku: '^[A-Z]{3}-[0-9]{4}$'
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String}
            events:
              OrderPlaced: {fields: {orderId: String}}
            commands:
              PlaceOrder:
                creates: true
                fields:
                  orderId: String
                  sku: {type: String, pattern: Sku}
                  note: {type: String, minLength: 6}
                  code: {type: String, maxLength: 2}
                  quantity: {type: Int, min: 10, max: 90}
                  weight: {type: Float, max: 0.25}
                  ratio: {type: Float, min: 2.5}
                emits: [OrderPlaced]
        """);
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    ModelIndex index = outcome.index().orElseThrow();
    assertThat(ExampleInput.of(index.model().aggregates().get(0).commands().get(0), index))
        .isEqualTo(
            "{orderId: \"text\", sku: \"AAA-0000\", note: \"aaaaaa\", code: \"a\", quantity: 10,"
                + " weight: 0.25, ratio: 2.5}");
  }
}
