package dev.tracepaper.automation;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cron(0 9 ? * MON *)",
        "cron(30 7 1 * ? *)",
        "cron(0/15 * * * ? *)",
        "cron(0 18 ? * MON-FRI *)",
        "cron(0 10 L * ? *)",
        "cron(0 8 15W * ? 2027-2030)",
        "cron(0 12 ? JAN,JUL 2#1 *)",
        "cron(5,35 14 ? * 6L *)",
        "rate(1 minute)",
        "rate(5 minutes)",
        "rate(1 day)",
        "rate(12 hours)",
        "at(2027-01-31T09:00:00)"
      })
  void takesWhatEventBridgeSchedulerTakes(String expression) {
    assertThat(Schedules.check(expression)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cron(0 9 * * MON *)|one of them must be `?`",
        "cron(0 9 ? * ? *)|Both day fields",
        "cron(0 9 ? * MON)|has 5",
        "cron(60 9 ? * MON *)|60 is outside 0 to 59",
        "cron(0 24 ? * MON *)|24 is outside 0 to 23",
        "cron(0 9 ? 13 MON *)|13 is outside 1 to 12",
        "cron(0 9 ? * FUNDAY *)|`FUNDAY` is no value",
        "cron(0 9 ? * 2#6 *)|should be `<day>#<1 to 5>`",
        "cron(0 9 1 * ? 1969)|1969 is outside 1970 to 2199",
        "cron(0 ? 1 * ? *)|`?` stands only in day-of-month or day-of-week",
        "rate(1 days)|the unit is `day`",
        "rate(2 hour)|the unit is `hours`",
        "rate(0 minutes)|not a whole number above 0",
        "rate(5 weeks)|not a unit of a rate",
        "at(2027-02-30T09:00:00)|no date and time",
        "every monday|not a schedule"
      })
  void refusesWhatItWouldRefuse(String expression, String why) {
    assertThat(Schedules.check(expression).orElseThrow().message()).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Amsterdam", "UTC", "America/New_York"})
  void takesTimeZonesOfTheIanaDatabase(String zone) {
    assertThat(Schedules.checkZone(zone)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Amsterdm", "CEST+", ""})
  void refusesOtherZones(String zone) {
    assertThat(Schedules.checkZone(zone)).isPresent();
  }
}
