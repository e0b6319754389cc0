package dev.tracepaper.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic but realistic model of N aggregates, one file per aggregate, for benchmarks:
 * each aggregate has state fields, an entity collection, four events, three commands with let,
 * rules, emits and tests, a policy, and a view fed from it; every tenth aggregate also feeds an
 * event-driven view. The model is valid, so validation does all its work.
 *
 * <p>Usage: {@code SyntheticModel N OUTPUT_DIR}
 */
public final class SyntheticModel {

  private SyntheticModel() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SyntheticModel N OUTPUT_DIR");
      System.exit(2);
    }
    write(Integer.parseInt(args[0]), Path.of(args[1]));
  }

  public static void write(int aggregates, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("app.yaml"), app(), StandardCharsets.UTF_8);
    for (int i = 0; i < aggregates; i++) {
      Files.writeString(
          dir.resolve("aggregate%04d.yaml".formatted(i)), aggregate(i), StandardCharsets.UTF_8);
    }
  }

  private static String app() {
    return """
        tracepaper: 1
        app:
          name: synthetic
          package: com.example.synthetic
          description: A generated model for benchmarks
          auth:
            default: authenticated
            roles: [clerk, manager]
        patterns:
          Code: '^[A-Z]{3}-[0-9]{4}$'
        enums:
          ItemStatus: [OPEN, CLOSED]
        types:
          Money: {amount: Int, currency: {type: String, pattern: '^[A-Z]{3}$'}}
        """;
  }

  static String aggregate(int i) {
    String n = "%04d".formatted(i);
    return """
        tracepaper: 1
        aggregates:
          Item{n}:
            subdomain: Area{area}
            key: itemId
            snapshotEvery: 50
            fields:
              itemId: String
              title: String
              quantity: Int
              price: Money
              status: ItemStatus
              notes: {type: '[Note{n}]', key: noteId}
            entities:
              Note{n}: {noteId: String, text: String}
            events:
              Item{n}Created:
                fields: {itemId: String, title: String, quantity: Int, price: Money}
                apply: {status: "'OPEN'"}
              Item{n}Restocked:
                fields: {itemId: String, quantity: Int}
                apply: {quantity: state.quantity + event.quantity}
              Item{n}Noted:
                fields: {itemId: String, noteId: String, text: String}
                apply:
                  notes: {upsert: event.noteId, with: {text: event.text}}
              Item{n}Closed:
                fields: {itemId: String}
                apply: {status: "'CLOSED'"}
            commands:
              CreateItem{n}:
                creates: true
                auth: role:clerk
                fields:
                  itemId: {type: String, pattern: Code}
                  title: {type: String, minLength: 1, maxLength: 100}
                  quantity: {type: Int, min: 0, default: 1}
                  price: Money
                emits: [Item{n}Created]
                tests:
                  - name: creates an item
                    when: {itemId: ABC-0001, title: Widget, quantity: 3, price: {amount: 5, currency: EUR}}
                    then:
                      events: [{Item{n}Created: {itemId: ABC-0001, quantity: 3}}]
                      state: {status: OPEN}
              RestockItem{n}:
                auth: [role:clerk, role:manager]
                fields: {itemId: String, quantity: {type: Int, min: 1, max: 1000}}
                let:
                  total: state.quantity + command.quantity
                rules:
                  - require: state.status == 'OPEN'
                    code: ITEM_CLOSED
                    message: A closed item cannot be restocked
                  - require: total <= 10000
                    code: TOO_MANY
                    message: An item holds at most 10000 units
                emits: [Item{n}Restocked]
                tests:
                  - name: adds stock
                    given:
                      - Item{n}Created: {itemId: ABC-0001, title: Widget, quantity: 3, price: {amount: 5, currency: EUR}}
                    when: {itemId: ABC-0001, quantity: 2}
                    then:
                      events: [{Item{n}Restocked: {quantity: 2}}]
                      state: {quantity: 5}
              NoteItem{n}:
                fields: {itemId: String, text: {type: String, maxLength: 500}}
                let:
                  noteId: uuid()
                rules:
                  - require: size(command.text.trim()) > 0
                    code: EMPTY_NOTE
                    message: A note needs some text
                emits:
                  - Item{n}Noted: {noteId: noteId}
                tests:
                  - name: keeps a note
                    given:
                      - Item{n}Created: {itemId: ABC-0001, title: Widget, quantity: 3, price: {amount: 5, currency: EUR}}
                    when: {itemId: ABC-0001, text: fragile}
                    then:
                      events: [{Item{n}Noted: {text: fragile}}]
            policies:
              CloseItem{n}WhenEmptied:
                on: Item{n}.Item{n}Restocked
                key: event.itemId
                rules:
                  - require: state.quantity == 0
                    code: NOT_EMPTY
                    message: Only an empty item is closed
                emits: [Item{n}Closed]
                tests:
                  - name: closes an emptied item
                    given:
                      - Item{n}Created: {itemId: ABC-0001, title: Widget, quantity: 0, price: {amount: 5, currency: EUR}}
                    when: {itemId: ABC-0001, quantity: 0}
                    then:
                      events: [Item{n}Closed]
        views:
          Item{n}Summary:
            key: itemId
            fields: {itemId: String, title: String, quantity: Int, status: ItemStatus}
            from: Item{n}
            where: state.status == 'OPEN'
        """
            .replace("{n}", n)
            .replace("{area}", String.valueOf(i / 10))
        + (i % 10 == 0 ? eventView(n) : "");
  }

  private static String eventView(String n) {
    return """
          Item{n}Activity:
            key: itemId
            fields: {itemId: String, restocks: Int}
            on:
              Item{n}.Item{n}Restocked: {key: event.itemId, set: {restocks: 'has(view.restocks) ? view.restocks + 1 : 1'}}
            queries:
              get: {}
              byRestocks: {index: restocks}
        """
        .replace("{n}", n);
  }
}
