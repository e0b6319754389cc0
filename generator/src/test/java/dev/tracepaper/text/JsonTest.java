package dev.tracepaper.text;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link Json} writes and reads what databind's mapper does, without setting one up. */
class JsonTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonMapper INDENTING =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Every kind of node and number, strings that need escapes, nesting, empty containers. */
  private static JsonNode everything() {
    ObjectNode root = NODES.objectNode();
    root.put("int", 7).put("negative", -2147483648).put("long", 9_007_199_254_740_993L);
    root.put("big", new BigInteger("123456789012345678901234567890"));
    root.put("float", 1.5f).put("double", 0.1).put("whole double", 3.0).put("tiny", 1e-12);
    root.put("decimal", new BigDecimal("19.90")).put("exponent", new BigDecimal("1E+3"));
    root.put("true", true).put("false", false).putNull("null");
    root.put("escapes", "quote \" backslash \\ tab \t newline \n nul \u0000 \u001f");
    root.put("unicode", "é ü 漢字 😀 \u2028 \u00a0");
    root.put("", "empty name");
    root.putObject("empty object");
    root.putArray("empty array");
    root.putArray("list").add(1).add("two").addNull().add(NODES.objectNode().put("k", "v"));
    root.putObject("nested").putObject("deeper").putArray("items").add(NODES.arrayNode().add(1));
    return root;
  }

  @Test
  void writesWhatTheMapperWrites() {
    JsonNode tree = everything();
    assertThat(Json.compact(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
    assertThat(Json.indented(tree)).isEqualTo(INDENTING.writeValueAsString(tree));
    for (JsonNode scalar :
        List.of(NODES.stringNode("x"), NODES.numberNode(1), NODES.nullNode(), NODES.arrayNode())) {
      assertThat(Json.compact(scalar)).isEqualTo(MAPPER.writeValueAsString(scalar));
    }
  }

  @Test
  void quotesAStringAsTheMapperDoes() {
    for (String text : List.of("", "plain", "a \"quoted\" \\ path\n", "\u0007 bell", "😀 \u2029")) {
      assertThat(Json.string(text)).isEqualTo(MAPPER.writeValueAsString(text));
    }
  }

  @Test
  void readsWhatTheMapperReads() {
    byte[] text = Json.indented(everything()).getBytes(UTF_8);
    assertThat(Json.read(text)).isEqualTo(MAPPER.readTree(text));
    byte[] numbers =
        "[1, -1, 3000000000, 123456789012345678901234567890, 1.25, 1e3, -0.0]".getBytes(UTF_8);
    assertThat(Json.read(numbers)).isEqualTo(MAPPER.readTree(numbers));
    assertThat(Json.read(new byte[0]).isMissingNode()).isTrue();
  }

  @Test
  void refusesTextThatIsNotOneJsonValue() {
    for (String bad : List.of("{", "{\"a\": }", "[1, 2", "nope", "{} {}", "{\"a\": 1}]")) {
      assertThrows(JacksonException.class, () -> Json.read(bad.getBytes(UTF_8)), bad);
    }
  }
}
