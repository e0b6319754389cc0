package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/** The modes that admit a caller to a command, view or query: any one of them suffices. */
public record Auth(List<AuthMode> modes, SourceLocation location) {

  public Auth {
    modes = List.copyOf(modes);
  }
}
