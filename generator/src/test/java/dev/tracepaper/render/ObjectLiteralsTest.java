package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of types and entities built in expressions ({@code Address{street: ...}}) become the
 * record's constructor in every place an expression stands: an upcast line, an {@code apply} (also
 * the {@code with} of an {@code upsert}), an {@code emits} mapping and a view handler's {@code
 * set}; a field left out is absent, a list field empty. This model's own generated project (built
 * once by hand for issue 15) passes its test; the examples' projects, built by
 * GeneratedProjectsTest, run theirs.
 */
class ObjectLiteralsTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: homes, package: com.example.homes}
      enums:
        Kind: [HOME, WORK]
      types:
        Address: {street: String, city: String, kind: Kind, note: {type: String, required: false}, tags: {type: '[String]', required: false}}
        AddressV1: {street: String, town: String}
      aggregates:
        Customer:
          key: customerId
          fields: {customerId: String, address: Address, billTo: Address, history: '[Address]', stays: {type: '[Stay]', key: stayId}}
          entities:
            Stay: {stayId: String, at: Address, kinds: '[Kind]'}
          events:
            CustomerMoved:
              version: 2
              fields: {customerId: String, address: Address, billTo: Address}
              versions:
                1:
                  fields: {customerId: String, address: AddressV1, billing: AddressV1}
                  upcast:
                    address: "Address{street: old.address.street, city: old.address.town, kind: 'HOME'}"
                    billTo: "Address{street: old.billing.street, city: old.billing.town, kind: 'WORK', tags: ['billing']}"
              apply:
                history: state.history + [event.address]
                stays: {upsert: event.customerId + '-' + event.address.city, with: {at: "Address{street: event.address.street, city: event.address.city, kind: event.address.kind}", kinds: "[event.address.kind, 'WORK']"}}
          commands:
            Move:
              fields: {customerId: String, street: String, city: String}
              emits:
                - CustomerMoved:
                    address: "Address{street: command.street, city: command.city, kind: 'HOME', note: 'moved'}"
                    billTo: state.billTo
              tests:
                - name: moves
                  given:
                    - CustomerMoved@1: {customerId: c1, address: {street: Main 1, town: Delft}, billing: {street: Dam 1, town: Amsterdam}}
                  when: {customerId: c1, street: Main 2, city: Leiden}
                  then:
                    events: [{CustomerMoved: {address: {street: Main 2, city: Leiden, kind: HOME, note: moved, tags: []}, billTo: {street: Dam 1, city: Amsterdam, kind: WORK, tags: [billing]}}}]
                    state:
                      history: [{street: Main 1, city: Delft, kind: HOME, tags: []}, {street: Main 2, city: Leiden, kind: HOME, note: moved, tags: []}]
                      stays: [{stayId: c1-Delft, at: {street: Main 1, city: Delft, kind: HOME, tags: []}, kinds: [HOME, WORK]}, {stayId: c1-Leiden, at: {street: Main 2, city: Leiden, kind: HOME, tags: []}, kinds: [HOME, WORK]}]
      views:
        Latest:
          key: customerId
          fields: {customerId: String, address: Address, seen: '[Address]'}
          on:
            Customer.CustomerMoved:
              key: event.customerId
              set:
                address: "Address{street: event.address.street, city: event.address.city, kind: event.address.kind}"
                seen: "has(view.seen) ? view.seen + [event.address] : [event.address]"
      """;

  @Test
  void aLiteralIsTheRecordsConstructorWherever(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String java = "src/main/java/com/example/homes/";
    assertThat(files.get(java + "customer/CustomerMovedVersions.java"))
        .contains(
            "new Address(old.billing().street(), old.billing().town(), Kind.WORK, null,"
                + " List.of(\"billing\"))");
    assertThat(files.get(java + "customer/CustomerState.java"))
        .contains(
            "new Address(event.address().street(), event.address().city(),"
                + " event.address().kind(), null, List.of())");
    assertThat(files.get(java + "customer/CustomerState.java"))
        .contains("Stream.concat(this.history().stream(), List.of(event.address()).stream())");
    assertThat(files.get(java + "customer/CustomerState.java"))
        .contains("List.of(Expressions.name(event.address().kind()), \"WORK\")");
    assertThat(files.get(java + "customer/MoveFlow.java"))
        .contains("new Address(command.street(), command.city(), Kind.HOME, \"moved\", List.of())");
    assertThat(files.get(java + "views/LatestProjection.java"))
        .contains(
            "new Address(event.address().street(), event.address().city(),"
                + " event.address().kind(), null, List.of())");
  }
}
