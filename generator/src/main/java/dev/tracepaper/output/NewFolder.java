package dev.tracepaper.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A first generation into a folder that does not exist yet is staged whole in a sibling folder and
 * renamed into place in one step: the output folder appears complete or not at all.
 */
final class NewFolder {

  private NewFolder() {}

  static Path staging(Path out) {
    return out.resolveSibling("." + out.getFileName() + ".tracepaper-new");
  }

  /** Deletes what an interrupted first generation staged. */
  static void recover(Path out) throws IOException {
    Path staging = staging(out);
    if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
      Trees.delete(staging);
    }
  }
}
