package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A request to change an aggregate, accepted through the API. */
public record Command(
    String name,
    String aggregate,
    boolean creates,
    Optional<Auth> auth,
    List<Field> fields,
    Optional<Expression> key,
    List<Let> let,
    List<BusinessRule> rules,
    List<Emit> emits,
    List<TestCase> tests,
    Optional<String> description,
    SourceLocation location)
    implements Flow {

  public Command {
    fields = List.copyOf(fields);
    let = List.copyOf(let);
    rules = List.copyOf(rules);
    emits = List.copyOf(emits);
    tests = List.copyOf(tests);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
