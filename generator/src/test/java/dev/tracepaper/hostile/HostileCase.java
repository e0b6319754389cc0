package dev.tracepaper.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One model of the hostile corpus: a name that says which family it belongs to and what it tries,
 * and the bytes of its single file (a folder case from the golden set has {@code folder} instead).
 */
record HostileCase(String name, byte[] content, java.nio.file.Path folder) {

  static HostileCase text(String name, String yaml) {
    return new HostileCase(name, yaml.getBytes(StandardCharsets.UTF_8), null);
  }

  static HostileCase bytes(String name, byte[] content) {
    return new HostileCase(name, content, null);
  }

  static HostileCase folder(String name, java.nio.file.Path folder) {
    return new HostileCase(name, null, folder);
  }

  @Override
  public String toString() {
    return name;
  }
}
