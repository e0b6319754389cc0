package dev.tracepaper.output;

import java.util.Locale;

/** What a generation does to one file of the output folder. */
public enum Action {
  /** The file is new: written. */
  CREATE,
  /** The file was generated before and its content changes: rewritten. */
  UPDATE,
  /** The file already holds exactly this content: not touched (its timestamp stays). */
  UNCHANGED,
  /** The previous generation wrote the file and this one does not: deleted. */
  DELETE,
  /** A hand-written file (a stub created earlier, now the engineer's): never touched. */
  KEEP,
  /** The file cannot be written without losing someone's work: the run stops. */
  CONFLICT;

  /** The word a listing shows. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
