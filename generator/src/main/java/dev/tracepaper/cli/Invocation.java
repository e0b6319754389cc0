package dev.tracepaper.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the user ran tracepaper, so that a message naming a command to run next prints one that works
 * when pasted into the same shell: {@code ./tracepaper validate notes}, not a bare {@code
 * tracepaper} that is on nobody's PATH.
 *
 * <p>The launcher script passes the way it was invoked as the system property {@value #PROPERTY}
 * (its {@code $0}, or its bare name when the PATH finds it). Run as {@code java -jar}, the command
 * is {@code java -jar} and the jar's path; anything else (tests, an IDE) falls back to {@code
 * tracepaper}.
 */
final class Invocation {

  /** The system property the launcher script sets. */
  static final String PROPERTY = "tracepaper.command";

  /** Characters a POSIX shell reads as themselves; anything else is quoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Invocation() {}

  /** The command that runs tracepaper, ready to paste into a shell. */
  static String command() {
    String launcher = System.getProperty(PROPERTY, "");
    if (!launcher.isBlank()) {
      return quote(launcher);
    }
    return jar().map(jar -> "java -jar " + quote(shown(jar))).orElse("tracepaper");
  }

  /** {@code tracepaper} followed by {@code args}, each quoted for the shell where needed. */
  static String command(String... args) {
    StringBuilder line = new StringBuilder(command());
    for (String arg : args) {
      line.append(' ').append(quote(arg));
    }
    return line.toString();
  }

  /** A word the shell reads back unchanged: as it is when plain, else in single quotes. */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static Optional<Path> jar() {
    try {
      var source = Invocation.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return path.getFileName() != null && path.getFileName().toString().endsWith(".jar")
          ? Optional.of(path)
          : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The jar's path relative to the working folder when it lies below it, else absolute. */
  private static String shown(Path jar) {
    Path absolute = jar.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
