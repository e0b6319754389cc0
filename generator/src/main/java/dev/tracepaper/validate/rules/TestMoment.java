package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.validate.Reporter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code at} of a test: the moment it runs, a UTC time as {@code Instant.parse} reads it. */
final class TestMoment {

  private TestMoment() {}

  static void check(Optional<Located<String>> at, String subject, Reporter report) {
    at.ifPresent(
        moment -> {
          try {
            Instant.parse(moment.value());
          } catch (DateTimeParseException e) {
            report.error(
                moment.location(),
                "%s runs `at` `%s`, which is no moment.".formatted(subject, moment.value()),
                "write a UTC time such as `2027-01-04T08:00:00Z`");
          }
        });
  }
}
