package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/**
 * A field's type as written: a built-in, an enum, a type, an entity or a view, possibly as a list
 * ({@code [Loan]}). What {@link #name()} refers to is resolved by validation.
 */
public record TypeRef(String name, boolean list, SourceLocation location) {

  public Optional<BuiltinType> builtin() {
    return BuiltinType.named(name);
  }

  public boolean is(BuiltinType type) {
    return !list && builtin().filter(type::equals).isPresent();
  }

  @Override
  public String toString() {
    return list ? "[" + name + "]" : name;
  }
}
