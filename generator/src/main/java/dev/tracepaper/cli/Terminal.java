package dev.tracepaper.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal, where screen control (ANSI) belongs. */
final class Terminal {

  private Terminal() {}

  static boolean isStdout() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22 a console exists even when output is redirected; isTerminal() then tells. The
    // generator compiles for Java 17, where a console exists only on a terminal.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
