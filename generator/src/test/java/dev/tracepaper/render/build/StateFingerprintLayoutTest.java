package dev.tracepaper.render.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The fold code is hashed without its layout, but with every literal exactly as written. */
class StateFingerprintLayoutTest {

  @Test
  void lineBreaksAndIndentationAreLayout() {
    assertEquals(
        "Entities.upsert(this.lines(),Line::sku,event.sku(),old->new Line(event.sku()))",
        StateFingerprint.collapsed(
            "Entities.upsert(\n        this.lines(),\n        Line::sku,\n        event.sku(),\n"
                + "        old -> new Line(\n            event.sku()))"));
  }

  @Test
  void wordsStaySeparated() {
    assertEquals("new Line(a)", StateFingerprint.collapsed("new   Line( a )"));
    assertNotEquals(
        StateFingerprint.collapsed("a instanceof B"), StateFingerprint.collapsed("ainstanceofB"));
  }

  @Test
  void literalsKeepTheirSpaces() {
    assertEquals("\"a  b\"+'\\''", StateFingerprint.collapsed("\"a  b\" + '\\''"));
    assertEquals("\"x\\\"  y\".trim()", StateFingerprint.collapsed("\"x\\\"  y\" . trim()"));
    assertNotEquals(StateFingerprint.collapsed("\"a b\""), StateFingerprint.collapsed("\"a  b\""));
  }
}
