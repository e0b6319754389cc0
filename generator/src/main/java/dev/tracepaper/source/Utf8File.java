package dev.tracepaper.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of text the user wrote, read strictly: no larger than a limit, UTF-8 only (a bad byte is
 * found and located, never replaced), and without a leading byte-order mark. Model files ({@link
 * YamlReader}) and extension files ({@code dev.tracepaper.extend.Extensions}) are read by it; each
 * words its own diagnostics.
 */
public sealed interface Utf8File {

  /** The file's text. */
  record Text(String text) implements Utf8File {}

  /** A file of {@code size} bytes, more than the limit. */
  record TooLarge(long size) implements Utf8File {}

  /**
   * A file that is not UTF-8.
   *
   * @param line the line of the first byte that cannot be read (1-based)
   * @param column its column, counted in characters of the text before it (1-based)
   * @param offset its offset in the file
   * @param value the byte
   */
  record NotUtf8(int line, int column, int offset, int value) implements Utf8File {}

  /** Reads {@code path}, of at most {@code maxBytes}. */
  static Utf8File read(Path path, long maxBytes) throws IOException {
    long size = Files.size(path);
    return size > maxBytes ? new TooLarge(size) : decode(Files.readAllBytes(path), maxBytes);
  }

  /** Decodes bytes that claim to be UTF-8, at most {@code maxBytes} of them. */
  static Utf8File decode(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      return new TooLarge(bytes.length);
    }
    // The String constructor decodes far faster than a reporting decoder, but replaces bad bytes
    // with U+FFFD; only text that holds U+FFFD (a bad byte, or a file that really contains one)
    // is decoded again, strictly, to tell the two apart.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer decoded = CharBuffer.allocate(bytes.length);
      // The decoder stops on the first malformed byte and leaves its buffer there.
      boolean malformed =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(in, decoded, true)
              .isError();
      if (malformed) {
        int bad = Math.min(in.position(), bytes.length - 1);
        String before = decoded.flip().toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        return new NotUtf8(line, column, bad, bytes[bad] & 0xFF);
      }
    }
    return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }
}
