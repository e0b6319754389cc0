package dev.tracepaper.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The model language's JSON Schema (docs/tracepaper-model.schema.json), loaded for tests. */
final class ModelSchema {

  static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final Schema schema;

  private ModelSchema(Schema schema) {
    this.schema = schema;
  }

  static Path file() {
    return TestPaths.root().resolve("docs/tracepaper-model.schema.json");
  }

  static String text() {
    try {
      return Files.readString(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ModelSchema load() {
    Schema schema = REGISTRY.getSchema(text(), InputFormat.JSON);
    schema.initializeValidators(); // resolves every $ref now, so a dangling one fails here
    return new ModelSchema(schema);
  }

  /** The schema's own problems, checked against the draft 2020-12 meta-schema. */
  static List<Error> metaSchemaErrors() {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
    return meta.validate(text(), InputFormat.JSON);
  }

  /** The schema's complaints about one YAML document, as the YAML language server would see it. */
  List<Error> validateYaml(String yaml) {
    JsonNode tree = YAML.readTree(yaml);
    return schema.validate(tree);
  }
}
