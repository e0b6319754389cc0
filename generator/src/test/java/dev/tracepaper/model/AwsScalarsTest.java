package dev.tracepaper.model;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.validate.rules.shape.ValueChecker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values written in a model (defaults, test cases) that the scalars accept, per scalar: the
 * forms AWS documents as valid are accepted, what they rule out is refused ("Scalar types in AWS
 * AppSync"; docs/runtime.md, "AppSync's scalars"). The runtime's own table ({@code AwsScalarsTest}
 * in runtime/) holds the same AWSDate and AWSDateTime rows.
 */
class AwsScalarsTest {

  /** AWS: "1970-01-01Z, 1970-01-01-07:00 and 1970-01-01+05:30 are all valid dates". */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01",
        "1970-01-01Z",
        "1970-01-01-07:00",
        "1970-01-01+05:30",
        "1970-01-01+05:30:15", // seconds in an offset: valid, AWS says, though not ISO 8601
        "2030-01-31Z",
        "2030-01-31+05:30",
        "2028-02-29",
      })
  void awsDateAccepts(String text) {
    assertWithMessage(text).that(ValueChecker.isDate(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-1-1",
        "19700101",
        "1970-13-01",
        "2027-02-29",
        "1970-01-01T00:00Z",
        "1970-01-01+05",
        "1970-01-01+0530",
        "1970-01-01 ",
        "1970-01-01z",
        "",
      })
  void awsDateRefuses(String text) {
    assertWithMessage(text).that(ValueChecker.isDate(text)).isFalse();
  }

  /**
   * AWS: seconds and the 1 to 9 digit fraction are optional (seconds needed for a fraction), the
   * offset is compulsory; "-2017-01-01T00:00Z", "1970-01-01T12:00:00.2Z",
   * "1970-01-01T12:00:00.123456789Z" are valid.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2999-01-01T09:00Z",
        "2999-01-01T09:00+01:00",
        "1970-01-01T12:00:00Z",
        "1970-01-01T12:00:00.2Z",
        "1970-01-01T12:00:00.277Z",
        "1970-01-01T12:00:00.123456789Z",
        "1970-01-01T12:30:24-07:00",
        "1970-01-01T12:30:24.500+05:30",
        "1970-01-01T12:30:24+05:30:15",
        "-2017-01-01T00:00Z",
        "-9999-01-01T00:00Z",
      })
  void awsDateTimeAccepts(String text) {
    assertWithMessage(text).that(ValueChecker.isDateTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T12:00:00", // the offset is compulsory
        "1970-01-01T12:00",
        "1970-01-01",
        "1970-01-01T12Z",
        "1970-01-01T12:00.5Z", // a fraction needs the seconds
        "1970-01-01T12:00:00.Z",
        "1970-01-01T12:00:00.1234567890Z", // at most 9 digits
        "1970-01-01T24:00Z",
        "1970-01-01T12:60Z",
        "1970-01-01 12:00Z",
        "1970-01-01t12:00z",
        "1970-01-01T12:00+01",
      })
  void awsDateTimeRefuses(String text) {
    assertWithMessage(text).that(ValueChecker.isDateTime(text)).isFalse();
  }

  @Test
  void datesAndTimesAreNormalisedAsTheRuntimeStoresThem() {
    assertThat(AwsScalars.normalDate("2030-01-31+05:30")).isEqualTo("2030-01-31");
    assertThat(AwsScalars.normalDate("2030-01-31Z")).isEqualTo("2030-01-31");
    assertThat(AwsScalars.normalDateTime("2999-01-01T09:00+01:00"))
        .isEqualTo("2999-01-01T08:00:00Z");
    assertThat(AwsScalars.normalDateTime("2999-01-01T09:00Z")).isEqualTo("2999-01-01T09:00:00Z");
    assertThat(AwsScalars.normalDateTime("1970-01-01T12:00:00.2Z"))
        .isEqualTo("1970-01-01T12:00:00.200Z");
    assertThat(AwsScalars.normalDate("not a date")).isEqualTo("not a date");
  }

  /** AWS: "An email address in the format local-part@domain-part as defined by RFC 822". */
  @Test
  void awsEmail() {
    for (String text :
        List.of(
            "username@example.com",
            "ada@example.com",
            "a.b+c@mail.example.org",
            "root@localhost",
            "\"john doe\"@example.com")) {
      assertWithMessage(text).that(AwsScalars.isEmail(text)).isTrue();
    }
    for (String text :
        List.of("example.com", "@example.com", "ada@", "a b@example.com", "a@b@c", "")) {
      assertWithMessage(text).that(AwsScalars.isEmail(text)).isFalse();
    }
  }

  /**
   * AWS: "https://www.amazon.com/dp/B000NZW3KC/ or mailto:example@example.com. URLs must contain a
   * schema (http, mailto) and can't contain two forward slashes (//) in the path part".
   */
  @Test
  void awsUrl() {
    for (String text :
        List.of(
            "https://www.amazon.com/dp/B000NZW3KC/",
            "mailto:example@example.com",
            "http://example.com",
            "https://clinic.example.com/jansen?x=1#top")) {
      assertWithMessage(text).that(AwsScalars.isUrl(text)).isTrue();
    }
    for (String text :
        List.of(
            "www.amazon.com/dp/B000NZW3KC/",
            "https://example.com/a//b",
            "/relative/path",
            "https://exa mple.com",
            "")) {
      assertWithMessage(text).that(AwsScalars.isUrl(text)).isFalse();
    }
  }
}
