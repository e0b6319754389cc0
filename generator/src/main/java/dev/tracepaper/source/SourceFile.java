package dev.tracepaper.source;

import java.util.List;

/** The text of one model file, kept so that diagnostics can quote the offending line. */
public record SourceFile(String path, String text) {

  public List<String> lines() {
    return text.lines().toList();
  }

  /** The 1-based line, or an empty string when the file has no such line. */
  public String line(int number) {
    List<String> lines = lines();
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
