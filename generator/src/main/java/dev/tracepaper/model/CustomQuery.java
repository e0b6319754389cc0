package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A query the views cannot answer, answered by hand-written code (the top-level {@code queries:}
 * section): its arguments, the type or view it returns, the views its code may read, who may call
 * it, and where the API puts it ({@code api}).
 *
 * @param name the query's name ({@code GetRepositoryToken}), which names its generated classes
 * @param args the arguments, written like a command's fields
 * @param returns the value type or view the query answers with (null when nothing is found)
 * @param reads the views the hand-written code may read, and nothing else
 * @param auth who may call it; the default's when absent
 * @param api the name the API calls it by; without it, the query's name with a small first letter
 * @param description what it answers, for the schema
 * @param location where the query is defined
 */
public record CustomQuery(
    String name,
    List<Field> args,
    Optional<Located<String>> returns,
    List<Located<String>> reads,
    Optional<Auth> auth,
    Optional<Located<String>> api,
    Optional<String> description,
    SourceLocation location) {

  public CustomQuery {
    args = List.copyOf(args);
    reads = List.copyOf(reads);
  }
}
