package dev.tracepaper.model;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values AppSync's scalars accept, as AWS documents them ("Scalar types in AWS AppSync"; see
 * docs/runtime.md, "AppSync's scalars"), for values written in a model (defaults, test cases). The
 * generated runtime reads the same forms ({@code AwsScalars} there), so a value that validates here
 * is one the handler accepts, and one AppSync accepts.
 *
 * <p>Dates and times are normalised as the runtime stores them: a date without its offset, a date
 * and time as the UTC instant it names.
 */
public final class AwsScalars {

  /** {@code Z}, {@code ±hh:mm} or {@code ±hh:mm:ss}: AppSync's time zone offsets. */
  private static final String OFFSET = "+HH:MM:ss";

  /** AWSDate: {@code YYYY-MM-DD}, optionally with an offset. */
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
   * AWSDateTime: {@code YYYY-MM-DDThh:mm}, optionally {@code :ss} and then 1 to 9 digits of a
   * fraction, and a compulsory offset.
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

  /**
   * AWSEmail: {@code local-part@domain-part}. The local part may be quoted (RFC 822), and then hold
   * spaces; AppSync's own check decides the rest, so this one refuses only what is clearly no
   * address.
   */
  private static final Pattern EMAIL = Pattern.compile("(?:\"[^\"\\r\\n]+\"|[^@\\s\"]+)@[^@\\s]+");

  private AwsScalars() {}

  /** The date an AWSDate names (its offset does not change the day), or empty. */
  public static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.from(DATE.parse(text)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The instant an AWSDateTime names, or empty. */
  public static Optional<Instant> dateTime(String text) {
    try {
      return Optional.of(OffsetDateTime.from(DATE_TIME.parse(text)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * An AWSDate as the runtime stores it ({@code 2030-01-31} for {@code 2030-01-31+05:30}); text
   * that is no AWSDate unchanged (validation reports it).
   */
  public static String normalDate(String text) {
    return date(text).map(LocalDate::toString).orElse(text);
  }

  /**
   * An AWSDateTime as the runtime stores it, the UTC instant ({@code 2999-01-01T08:00:00Z} for
   * {@code 2999-01-01T09:00+01:00}); text that is no AWSDateTime unchanged.
   */
  public static String normalDateTime(String text) {
    return dateTime(text).map(Instant::toString).orElse(text);
  }

  public static boolean isEmail(String text) {
    return EMAIL.matcher(text).matches();
  }

  /**
   * AWSURL: an absolute URL (it names its scheme: {@code https:}, {@code mailto:}) whose path holds
   * no {@code //}.
   */
  public static boolean isUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null
          && (uri.getRawPath() == null || !uri.getRawPath().contains("//"));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
