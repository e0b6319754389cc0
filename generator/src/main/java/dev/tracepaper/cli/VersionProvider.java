package dev.tracepaper.cli;

import dev.tracepaper.GeneratorVersion;
import picocli.CommandLine;

/** The version Maven wrote into the jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  public static String version() {
    return GeneratorVersion.read().orElse("unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tracepaper " + version(), "model language version 1"};
  }
}
