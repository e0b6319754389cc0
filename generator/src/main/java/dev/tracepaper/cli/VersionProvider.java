package dev.tracepaper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into the jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  public static String version() {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/tracepaper/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tracepaper " + version(), "model language version 1"};
  }
}
