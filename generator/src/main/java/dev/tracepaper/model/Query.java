package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/** A way to read a view: {@code get} by key, {@code list} paged, or a named index query. */
public record Query(
    String name,
    Kind kind,
    Optional<Located<String>> index,
    Optional<Located<String>> sort,
    Optional<Auth> auth,
    SourceLocation location) {

  /** The three kinds of query. */
  public enum Kind {
    GET,
    LIST,
    INDEX
  }
}
