package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespaces of api names against each other and against the schema's own names. */
class ApiNameClashTest {

  @TempDir Path folder;

  /** One aggregate whose commands {@code A} and {@code B} have these api names. */
  private static String commands(String a, String b) {
    return """
        tracepaper: 1
        app: {name: shop, package: com.example.shop}
        aggregates:
          Order:
            key: id
            fields: {id: String}
            events:
              Placed: {fields: {id: String}}
            commands:
              Place:
                api: %s
                creates: true
                fields: {id: String}
                emits: [Placed]
              Replace:
                api: %s
                fields: {id: String}
                emits: [Placed]
        """
        .formatted(a, b);
  }

  @Test
  void namespacesWhosePartsJoinToOneTypeAreReported() throws IOException {
    Diagnostic d = only(commands("A.BC.place", "AB.C.replace"), "ApiNameClash");
    assertThat(d.message())
        .isEqualTo(
            "The `api` name `AB.C.replace` of command `Replace` makes the namespace `AB.C`, whose"
                + " GraphQL type `ABCMutations` is the type of the namespace `A.BC` too.");
  }

  @Test
  void namespacesThatDifferOnlyInCaseShareNoResolver() throws IOException {
    Diagnostic d = only(commands("Shop.BC.place", "Shop.Bc.replace"), "ApiNameClash");
    assertThat(d.message())
        .contains(
            "its resolver `ShopMutationsBcNamespaceResolver` is also a resource of command"
                + " `Place`");
  }

  @Test
  void aNamespaceAppSyncReservesIsReported() throws IOException {
    Diagnostic d = only(commands("AWSShop.place", "Shop.replace"), "ApiNameClash");
    assertThat(d.message()).contains("its GraphQL type `AWSShopMutations` is taken");
  }

  @Test
  void aFieldMayBeANamespaceInTheOtherRoot() throws IOException {
    String yaml =
        commands("Order.place", "Order.replace")
            + """
            views:
              Orders:
                from: Order
                fields: {id: String}
                queries: {get: {api: Order.get}, list: {api: Order.place}}
            """;
    assertThat(found(yaml, "ApiNameClash")).isEmpty();
    assertThat(found(yaml, "NameCollision")).isEmpty();
  }

  @Test
  void aRootFieldNamedLikeANamespaceIsReported() throws IOException {
    Diagnostic d = only(commands("Order", "Order.replace"), "ApiNameClash");
    assertThat(d.message())
        .isEqualTo(
            "The `api` name `Order.replace` of command `Replace` makes `Order` a namespace, but"
                + " `Order` is a mutation itself: the `api` name `Order` of command `Place`,"
                + " defined at model.yaml:10:7.");
  }

  private Diagnostic only(String yaml, String id) throws IOException {
    List<Diagnostic> found = found(yaml, id);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<Diagnostic> found(String yaml, String id) throws IOException {
    Path model = Files.writeString(folder.resolve("model.yaml"), yaml);
    return new Validator()
        .validate(List.of(model), folder).diagnostics().stream()
            .filter(d -> d.id().equals(id))
            .toList();
  }
}
