package dev.tracepaper.diff;

import dev.tracepaper.model.Model;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;

/**
 * A model and its baseline, both loaded and valid. Rules locate what they find with {@link
 * Side#at}: the baseline's files may be shown under another name ({@code origin/main:model.yaml}
 * for a git revision).
 */
public record ModelChange(Side old, Side current) {

  /** One side of the change: its model, and how its files are named in findings. */
  public record Side(ModelIndex index, String filePrefix) {

    public static Side of(ModelIndex index) {
      return new Side(index, "");
    }

    public Model model() {
      return index.model();
    }

    /** {@code location} as findings show it. */
    public SourceLocation at(SourceLocation location) {
      if (filePrefix.isEmpty() || !location.isKnown()) {
        return location;
      }
      return new SourceLocation(filePrefix + location.file(), location.line(), location.column());
    }
  }

  public Model oldModel() {
    return old.model();
  }

  public Model newModel() {
    return current.model();
  }
}
