package dev.tracepaper.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole generated tree: files sorted by path (so writing order and listings are deterministic),
 * no two paths equal or equal ignoring case (they would collide on macOS and Windows), and no file
 * where another needs a folder ({@code a} and {@code a/b}).
 */
public record FileTree(List<GeneratedFile> files) {

  public FileTree {
    List<GeneratedFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(GeneratedFile::relativePath));
    Map<String, String> byFoldedPath = new HashMap<>();
    for (GeneratedFile file : sorted) {
      String path = file.relativePath();
      String earlier = byFoldedPath.put(path.toLowerCase(Locale.ROOT), path);
      if (earlier != null) {
        throw new IllegalArgumentException(
            earlier.equals(path)
                ? "generated file `" + path + "` appears twice"
                : "generated files `" + earlier + "` and `" + path + "` differ only in case");
      }
    }
    for (GeneratedFile file : sorted) {
      String path = file.relativePath();
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        String folder = path.substring(0, slash);
        if (byFoldedPath.containsKey(folder.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              "generated file `" + folder + "` is also a folder of `" + path + "`");
        }
      }
    }
    files = List.copyOf(sorted);
  }

  public static FileTree of(Collection<GeneratedFile> files) {
    return new FileTree(List.copyOf(files));
  }

  public static FileTree of(GeneratedFile... files) {
    return new FileTree(List.of(files));
  }
}
