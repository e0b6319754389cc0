package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hashing and time helpers of translated expressions against published values: the generator's
 * tests compare them with CEL's evaluation, these pin what they compute.
 */
class ExpressionsTest {

  @Test
  void sha256IsTheHexDigestOfTheUtf8Bytes() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Expressions.sha256("abc"));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Expressions.sha256(""));
    // é is two bytes in UTF-8
    assertEquals(Expressions.sha256("\u00e9"), Expressions.sha256("é"));
  }

  @Test
  void crc32IsZlibsUnsignedValue() {
    assertEquals(0x414FA339L, Expressions.crc32("The quick brown fox jumps over the lazy dog"));
    assertEquals(0L, Expressions.crc32(""));
    assertEquals(0xCBF43926L, Expressions.crc32("123456789"));
  }

  @Test
  void formatTimeWritesTheFieldsInUtc() {
    Instant t = Instant.parse("2026-03-01T09:05:07.042Z");
    assertEquals("2026-03-01 09:05:07.042", Expressions.formatTime(t, "yyyy-MM-dd HH:mm:ss.SSS"));
    assertEquals("01/03/2026", Expressions.formatTime(t, "dd/MM/yyyy"));
    assertEquals("2026-03-01T09:05", Expressions.formatTime(t, "yyyy-MM-dd'T'HH:mm"));
    assertEquals("9 o'clock: 09", Expressions.formatTime(t, "'9 o''clock': HH"));
    assertEquals("'", Expressions.formatTime(t, "''"));
    assertEquals("0007", Expressions.formatTime(Instant.parse("0007-01-01T00:00:00Z"), "yyyy"));
  }

  @Test
  void formatTimeRefusesLettersOutsideItsFields() {
    Instant t = Instant.parse("2026-03-01T09:05:07Z");
    assertThrows(IllegalArgumentException.class, () -> Expressions.formatTime(t, "hh:mm"));
    assertThrows(IllegalArgumentException.class, () -> Expressions.formatTime(t, "YYYY"));
    assertThrows(IllegalArgumentException.class, () -> Expressions.formatTime(t, "yyyy'T"));
  }

  @Test
  void timestampKeepsToCelsYears() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), Expressions.timestamp(1767225600L));
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), Expressions.timestamp(-62135596800L));
    assertEquals(Instant.parse("9999-12-31T23:59:59Z"), Expressions.timestamp(253402300799L));
    assertThrows(DateTimeException.class, () -> Expressions.timestamp(253402300800L));
    assertThrows(DateTimeException.class, () -> Expressions.timestamp(-62135596801L));
  }
}
