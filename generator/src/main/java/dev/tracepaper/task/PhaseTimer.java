package dev.tracepaper.task;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Prints how long each phase of a run took, on standard error, when the system property {@value
 * #PROPERTY} is {@code true} ({@code TRACEPAPER_JAVA_OPTS=-Dtracepaper.phases=true}): the figures
 * docs/performance.md quotes come from inside the run, not from a profiler's guess. Beside each
 * phase's wall time, the process's CPU time in it (every thread: the compiler's and the collector's
 * too), which says how much of the two processors a phase kept busy. Off, it costs a clock read per
 * phase.
 */
final class PhaseTimer {

  static final String PROPERTY = "tracepaper.phases";

  private final boolean on = Boolean.getBoolean(PROPERTY);
  private final PrintStream err;
  private long last;
  private long lastCpu;

  PhaseTimer(PrintStream err) {
    this.err = err;
    this.last = System.nanoTime();
    if (on) {
      // From the JVM's start: the JVM itself and the command line's set-up.
      lastCpu = cpu();
      print("start", ManagementFactory.getRuntimeMXBean().getUptime(), lastCpu / 1_000_000);
    }
  }

  /** The phase that just ended. */
  void lap(String phase) {
    long now = System.nanoTime();
    if (on) {
      long cpu = cpu();
      print(phase, (now - last) / 1_000_000, (cpu - lastCpu) / 1_000_000);
      lastCpu = cpu;
    }
    last = now;
  }

  private void print(String phase, long millis, long cpuMillis) {
    err.printf("tracepaper: %-10s %5d ms wall %5d ms CPU%n", phase, millis, cpuMillis);
  }

  private static long cpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
