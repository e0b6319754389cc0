package dev.tracepaper.diagnostic;

/**
 * How bad a diagnostic is. ERROR stops generation; WARNING does not, unless asked; NOTE advises.
 */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
