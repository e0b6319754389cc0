package dev.tracepaper.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One file of a generated tree: a relative path with {@code /} separators, its bytes, and whether
 * it is a stub: the starting point of a hand-written class, created when missing and never
 * overwritten, updated or deleted afterwards (the generation gap, docs/regeneration.md). The path
 * is checked where the value is built, so no generated path can leave the output folder or be
 * unwritable on Windows or macOS: relative, no empty, {@code .} or {@code ..} segment, no
 * backslash, no control character, none of {@code <>:"|?*}, no segment ending in a dot or space, no
 * Windows device name ({@code CON}, {@code nul.txt}, {@code COM1}, ...), and nothing below {@value
 * Manifest#FOLDER}/, which the writer keeps for itself.
 */
public record GeneratedFile(String relativePath, byte[] content, boolean executable, boolean stub) {

  private static final Pattern DEVICE_NAME =
      Pattern.compile("(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");

  /** The longest file name ext4, APFS, NTFS and most others accept (NTFS counts UTF-16 units). */
  public static final int MAX_SEGMENT_BYTES = 255;

  private static final Set<Character> FORBIDDEN = Set.of('<', '>', ':', '"', '|', '?', '*', '\\');

  /** A file that is not a program (most of them). */
  public GeneratedFile(String relativePath, byte[] content) {
    this(relativePath, content, false, false);
  }

  /** A generated file, replaced on every generation. */
  public GeneratedFile(String relativePath, byte[] content, boolean executable) {
    this(relativePath, content, executable, false);
  }

  public GeneratedFile {
    checkPath(relativePath);
    if (content == null) {
      throw new IllegalArgumentException("generated file " + relativePath + " has no content");
    }
    content = content.clone();
  }

  /** A text file, encoded as UTF-8 (every generated text file is). */
  public static GeneratedFile text(String relativePath, String text) {
    return new GeneratedFile(relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeneratedFile that
        && relativePath.equals(that.relativePath)
        && Arrays.equals(content, that.content)
        && executable == that.executable
        && stub == that.stub;
  }

  @Override
  public int hashCode() {
    return Objects.hash(relativePath, Arrays.hashCode(content), executable, stub);
  }

  @Override
  public String toString() {
    return "GeneratedFile["
        + relativePath
        + ", "
        + content.length
        + " bytes"
        + (stub ? ", stub" : "")
        + "]";
  }

  static void checkPath(String path) {
    if (path == null || path.isEmpty()) {
      throw invalid(path, "it is empty");
    }
    if (path.startsWith("/")) {
      throw invalid(path, "it is absolute; paths are relative to the output folder");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw invalid(path, String.format("it holds the control character U+%04X", (int) c));
      }
      if (FORBIDDEN.contains(c)) {
        throw invalid(path, "it holds `" + c + "`, which Windows does not allow in file names");
      }
    }
    for (String segment : path.split("/", -1)) {
      checkSegment(path, segment);
    }
    if (path.equals(Manifest.FOLDER) || path.startsWith(Manifest.FOLDER + "/")) {
      throw invalid(path, Manifest.FOLDER + "/ is kept for the writer's manifest");
    }
  }

  private static void checkSegment(String path, String segment) {
    segmentProblem(segment)
        .ifPresent(
            why -> {
              throw invalid(path, why);
            });
  }

  /**
   * Why one file or folder name of a generated path cannot be written everywhere, if it cannot: the
   * validator asks this of the names it predicts, so that a model is refused with a located message
   * before rendering instead of failing here.
   */
  public static Optional<String> segmentProblem(String segment) {
    if (segment.isEmpty()) {
      return Optional.of("it has an empty segment");
    }
    if (segment.equals(".") || segment.equals("..")) {
      return Optional.of("it has a `" + segment + "` segment");
    }
    if (segment.endsWith(".") || segment.endsWith(" ")) {
      return Optional.of("segment `" + segment + "` ends in a dot or space");
    }
    // The validator asks this of every segment of every file name it predicts (hundreds of
    // thousands at 1,000 aggregates), so the regular expression runs only on what could be a
    // device name, and the bytes are counted only where a segment's length leaves them in doubt.
    if (segment.length() >= 3
        && "cpanl".indexOf(Character.toLowerCase(segment.charAt(0))) >= 0
        && DEVICE_NAME.matcher(segment.toLowerCase(Locale.ROOT)).matches()) {
      return Optional.of("`" + segment + "` is a reserved device name on Windows");
    }
    int bytes =
        segment.length() * 3 <= MAX_SEGMENT_BYTES
            ? segment.length()
            : segment.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SEGMENT_BYTES) {
      return Optional.of(
          "`%s…` is %d bytes long; file systems allow at most %d"
              .formatted(segment.substring(0, 20), bytes, MAX_SEGMENT_BYTES));
    }
    return Optional.empty();
  }

  private static IllegalArgumentException invalid(String path, String why) {
    return new IllegalArgumentException("invalid generated file path `" + path + "`: " + why);
  }
}
