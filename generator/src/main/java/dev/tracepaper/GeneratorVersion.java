package dev.tracepaper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** The version Maven wrote into the generator's jar ({@code dev/tracepaper/version.properties}). */
public final class GeneratorVersion {

  private GeneratorVersion() {}

  /** The version, or empty when the classes run without the built resources. */
  public static Optional<String> read() {
    Properties properties = new Properties();
    try (InputStream in =
        GeneratorVersion.class.getResourceAsStream("/dev/tracepaper/version.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(properties.getProperty("version"));
  }
}
