package dev.tracepaper.runtime;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * AppSync's date scalars in every form AWS documents ("Scalar types in AWS AppSync";
 * docs/generated-runtime.md, "AppSync's scalars"): a handler accepts whatever AppSync let through.
 * Values are stored normalised, so that they compare and sort: a date as the day it names, a date
 * and time as the UTC instant it names.
 */
final class AwsScalars {

  /** {@code Z}, {@code ±hh:mm} or {@code ±hh:mm:ss}: AppSync's time zone offsets. */
  private static final String OFFSET = "+HH:MM:ss";

  /** AWSDate: {@code YYYY-MM-DD} ({@code -YYYY} before year 0), optionally with an offset. */
  private static final DateTimeFormatter DATE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendOffset(OFFSET, "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * AWSDateTime: {@code YYYY-MM-DDThh:mm}, optionally {@code :ss} and then a fraction of 1 to 9
   * digits, and a compulsory offset.
   */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .appendOffset(OFFSET, "Z")
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private AwsScalars() {}

  /**
   * The day an AWSDate names: {@code 2030-01-31+05:30} is 2030-01-31 (an offset does not change
   * which day was meant). Not an AWSDate: {@link java.time.format.DateTimeParseException}.
   */
  static LocalDate date(String text) {
    return LocalDate.from(DATE.parse(text));
  }

  /**
   * The instant an AWSDateTime names: {@code 2999-01-01T09:00+01:00} is 2999-01-01T08:00:00Z. Not
   * an AWSDateTime: {@link java.time.format.DateTimeParseException}.
   */
  static Instant dateTime(String text) {
    return OffsetDateTime.from(DATE_TIME.parse(text)).toInstant();
  }
}
