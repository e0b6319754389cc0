package dev.tracepaper.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files below the class path folder {@code templates/}, whether it is a folder (tests, the IDE)
 * or inside the jar: the generator renders every one of them, so a new template needs no code.
 */
public final class TemplateCatalog {

  private static final String ROOT = "templates";

  private TemplateCatalog() {}

  /** Every file's path below {@code templates/}, with {@code /} separators, sorted. */
  public static List<String> all() {
    return filesBelow(ROOT);
  }

  /**
   * Every file's path below the class path folder {@code folder}, relative to it, with {@code /}
   * separators, sorted; empty when there is no such folder.
   */
  static List<String> filesBelow(String folder) {
    URL root = TemplateCatalog.class.getClassLoader().getResource(folder);
    if (root == null) {
      if (folder.equals(ROOT)) {
        throw new IllegalStateException("no templates/ folder on the class path");
      }
      return List.of();
    }
    try {
      if (root.openConnection() instanceof JarURLConnection connection) {
        // Opened and closed here, not kept in the URL handler's cache; its directory is read once
        // a run all the same, as the JDK shares it with the class loader's open copy of the jar.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          return list(jar, folder + "/");
        }
      }
      return list(Path.of(root.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The jar's entries below {@code prefix}. A zip file system would read and index all of the jar's
   * 12,000 entries again (a tenth of a small model's {@code generate}, docs/performance.md).
   */
  private static List<String> list(JarFile jar, String prefix) {
    return jar.stream()
        .map(JarEntry::getName)
        .filter(name -> name.startsWith(prefix) && !name.endsWith("/"))
        .map(name -> name.substring(prefix.length()))
        .sorted()
        .toList();
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** The bytes of a file copied as it is (one that is not a template). */
  public static byte[] bytes(String path) {
    return read(ROOT + "/" + path);
  }

  /** The bytes of the class path resource {@code path}. */
  static byte[] read(String path) {
    try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no file " + path + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
