package dev.tracepaper.diff;

/**
 * The baseline cannot be read: not a git repository, an unknown revision, a path the revision does
 * not have, git missing. The user's to fix, so the command line reports it as a usage error.
 */
public final class BaselineUnavailable extends Exception {

  public BaselineUnavailable(String message) {
    super(message);
  }
}
