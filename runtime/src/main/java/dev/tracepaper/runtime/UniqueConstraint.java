package dev.tracepaper.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code unique} constraint of an aggregate: no two live instances hold the same values of its
 * fields. Each instance claims its values in the event store, in the same transaction as the events
 * that give it them (docs/runtime.md, "Unique values").
 *
 * @param name the constraint's fields joined with {@code +} ({@code room+slot}): part of the
 *     claim's key, so renaming a field of a constraint starts new claims
 * @param code the error code of a command that would take a value another instance holds
 * @param message the error's message
 */
public record UniqueConstraint(String name, String code, String message) {

  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The claim of {@code values}, the state's values of the constraint's fields in order, or {@code
   * null} when one of them is absent or empty: as a unique index of SQL ignores NULL, a value not
   * given claims nothing.
   */
  public Claim claim(Object... values) {
    List<String> parts = new ArrayList<>(values.length);
    for (Object value : values) {
      if (value == null || value.toString().isEmpty()) {
        return null;
      }
      parts.add(value.toString());
    }
    return new Claim(this, Json.write(Json.MAPPER.valueToTree(parts)));
  }

  /** An e-mail address as it is compared: without regard to case. */
  public static String caseless(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  /** The claims that are not null, in order. */
  public static List<Claim> claims(Claim... claims) {
    List<Claim> present = new ArrayList<>(claims.length);
    for (Claim claim : claims) {
      if (claim != null) {
        present.add(claim);
      }
    }
    return List.copyOf(present);
  }

  /**
   * One instance's values of one constraint.
   *
   * @param value the values as a JSON array of strings, as compared
   */
  public record Claim(UniqueConstraint constraint, String value) {

    /** The error of a command that would take this value while another instance holds it. */
    public CommandError violation() {
      return CommandError.rule(constraint.code(), constraint.message());
    }
  }
}
