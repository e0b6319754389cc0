package dev.tracepaper.task;

import java.io.PrintStream;

/**
 * Prints how long each phase of a run took, on standard error, when the system property {@value
 * #PROPERTY} is {@code true} ({@code TRACEPAPER_JAVA_OPTS=-Dtracepaper.phases=true}): the figures
 * docs/performance.md quotes come from inside the run, not from a profiler's guess. Off, it costs a
 * clock read per phase.
 */
final class PhaseTimer {

  static final String PROPERTY = "tracepaper.phases";

  private final boolean on = Boolean.getBoolean(PROPERTY);
  private final PrintStream err;
  private long last;

  PhaseTimer(PrintStream err) {
    this.err = err;
    this.last = System.nanoTime();
    if (on) {
      // From the JVM's start: the JVM itself and the command line's set-up.
      long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      err.printf("tracepaper: %-10s %5d ms%n", "start", uptime);
    }
  }

  /** The phase that just ended. */
  void lap(String phase) {
    long now = System.nanoTime();
    if (on) {
      err.printf("tracepaper: %-10s %5d ms%n", phase, (now - last) / 1_000_000);
    }
    last = now;
  }
}
