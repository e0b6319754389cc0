package dev.tracepaper.automation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's schedule expressions, checked as the service reads them: {@code
 * cron(minutes hours day-of-month month day-of-week year)}, {@code rate(value unit)} and {@code
 * at(yyyy-mm-ddThh:mm:ss)}, with a time zone from the IANA database as {@link ZoneId} knows it.
 */
public final class Schedules {

  /** Why an expression is not valid, and how to write it. */
  public record Problem(String message, String hint) {}

  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern RATE = Pattern.compile("rate\\((\\S+) (\\S+)\\)");
  private static final Pattern AT = Pattern.compile("at\\((.*)\\)");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Set<String> UNITS = Set.of("minute", "hour", "day");
  private static final String CRON_HINT =
      "six fields: minutes hours day-of-month month day-of-week year, with `?` in one of the two"
          + " day fields, e.g. `cron(0 9 ? * MON *)` for 09:00 every Monday";

  private Schedules() {}

  /** What is wrong with {@code expression}, or empty when EventBridge Scheduler takes it. */
  public static Optional<Problem> check(String expression) {
    String text = expression.trim();
    Matcher cron = CRON.matcher(text);
    if (cron.matches()) {
      return cron(cron.group(1).trim());
    }
    Matcher rate = RATE.matcher(text);
    if (rate.matches()) {
      return rate(rate.group(1), rate.group(2));
    }
    Matcher at = AT.matcher(text);
    if (at.matches()) {
      try {
        LocalDateTime.parse(at.group(1));
        return Optional.empty();
      } catch (DateTimeException e) {
        return problem(
            "`%s` is no date and time.".formatted(at.group(1)),
            "write `at(2027-01-31T09:00:00)`, in the schedule's time zone");
      }
    }
    return problem(
        "`%s` is not a schedule: it is `cron(…)`, `rate(…)` or `at(…)`.".formatted(text),
        "e.g. `cron(0 9 ? * MON *)`, `rate(1 day)` or `at(2027-01-31T09:00:00)`");
  }

  /** What is wrong with the time zone {@code zone}, or empty when it is one. */
  public static Optional<Problem> checkZone(String zone) {
    try {
      ZoneId.of(zone);
      return Optional.empty();
    } catch (DateTimeException e) {
      return problem(
          "`%s` is not a time zone.".formatted(zone),
          "name it as the IANA database does, e.g. `Europe/Amsterdam` or `UTC`");
    }
  }

  private static Optional<Problem> rate(String value, String unit) {
    if (!value.matches("[1-9][0-9]{0,8}")) {
      return problem(
          "The rate `%s` is not a whole number above 0.".formatted(value),
          "e.g. `rate(5 minutes)`");
    }
    boolean one = value.equals("1");
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    if (!UNITS.contains(singular)) {
      return problem(
          "`%s` is not a unit of a rate.".formatted(unit),
          "write minutes, hours or days (minute, hour or day after 1)");
    }
    if (one == unit.endsWith("s")) {
      String right = one ? singular : singular + "s";
      return problem(
          "After %s the unit is `%s`, not `%s`.".formatted(value, right, unit),
          "write `rate(%s %s)`".formatted(value, right));
    }
    return Optional.empty();
  }

  private static Optional<Problem> cron(String fields) {
    String[] parts = fields.split("\\s+");
    if (parts.length != 6) {
      return problem(
          "A cron expression has six fields; `%s` has %d.".formatted(fields, parts.length),
          CRON_HINT);
    }
    boolean dayOfMonthAny = parts[2].equals("?");
    boolean dayOfWeekAny = parts[4].equals("?");
    if (dayOfMonthAny == dayOfWeekAny) {
      return problem(
          dayOfMonthAny
              ? "Both day fields of `cron(%s)` are `?`; one of them names the days."
                  .formatted(fields)
              : "Both day fields of `cron(%s)` are given; one of them must be `?`."
                  .formatted(fields),
          CRON_HINT);
    }
    return field(parts[0], "minutes", 0, 59, List.of(), "")
        .or(() -> field(parts[1], "hours", 0, 23, List.of(), ""))
        .or(() -> field(parts[2], "day-of-month", 1, 31, List.of(), "?LW"))
        .or(() -> field(parts[3], "month", 1, 12, MONTHS, ""))
        .or(() -> field(parts[4], "day-of-week", 1, 7, DAYS, "?L#"))
        .or(() -> field(parts[5], "year", 1970, 2199, List.of(), ""));
  }

  /**
   * One field: a list of {@code *}, values, ranges {@code a-b} and increments {@code a/n}; {@code
   * special} are the wildcards this field also takes.
   */
  private static Optional<Problem> field(
      String field, String name, int min, int max, List<String> names, String special) {
    if (field.equals("?")) {
      return special.contains("?")
          ? Optional.empty()
          : bad(field, name, "`?` stands only in day-of-month or day-of-week");
    }
    for (String item : field.split(",", -1)) {
      Optional<String> why = item(item, min, max, names, special);
      if (why.isPresent()) {
        return bad(field, name, why.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> item(
      String item, int min, int max, List<String> names, String special) {
    if (item.equals("*")) {
      return Optional.empty();
    }
    if (special.contains("L") && (item.equals("L") || item.equals("LW"))) {
      return Optional.empty();
    }
    if (special.contains("W") && item.endsWith("W")) {
      return value(item.substring(0, item.length() - 1), min, max, names);
    }
    if (special.contains("L") && item.endsWith("L") && item.length() > 1) {
      return value(item.substring(0, item.length() - 1), min, max, names);
    }
    if (special.contains("#") && item.contains("#")) {
      String[] pair = item.split("#", -1);
      return pair.length == 2 && pair[1].matches("[1-5]")
          ? value(pair[0], min, max, names)
          : Optional.of("`" + item + "` should be `<day>#<1 to 5>`");
    }
    String[] step = item.split("/", -1);
    if (step.length > 2 || (step.length == 2 && !step[1].matches("[1-9][0-9]*"))) {
      return Optional.of("`" + item + "` should be `<start>/<increment>`");
    }
    String range = step[0];
    if (range.equals("*")) {
      return Optional.empty();
    }
    String[] ends = range.split("-", -1);
    if (ends.length > 2) {
      return Optional.of("`" + item + "` is no range");
    }
    for (String end : ends) {
      Optional<String> why = value(end, min, max, names);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> value(String text, int min, int max, List<String> names) {
    if (names.contains(text.toUpperCase(java.util.Locale.ROOT))) {
      return Optional.empty();
    }
    if (text.matches("[0-9]{1,4}")) {
      int n = Integer.parseInt(text);
      return n >= min && n <= max
          ? Optional.empty()
          : Optional.of("%d is outside %d to %d".formatted(n, min, max));
    }
    return Optional.of(
        "`%s` is no value%s".formatted(text, names.isEmpty() ? "" : " nor " + names.get(0) + "…"));
  }

  private static Optional<Problem> bad(String field, String name, String why) {
    return problem(
        "The %s field `%s` of the cron expression: %s.".formatted(name, field, why), CRON_HINT);
  }

  private static Optional<Problem> problem(String message, String hint) {
    return Optional.of(new Problem(message, hint));
  }
}
