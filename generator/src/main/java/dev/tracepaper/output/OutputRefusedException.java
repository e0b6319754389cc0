package dev.tracepaper.output;

import java.io.IOException;

/**
 * The writer will not replace a folder because it holds files Tracepaper did not write: a foreign
 * folder, or hand-written files added to a generated one. Nothing was changed.
 */
public final class OutputRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
