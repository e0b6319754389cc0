package dev.tracepaper.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** File permissions, where the file system has them. */
final class FileModes {

  private FileModes() {}

  /** Adds execute permission where read permission is (a no-op where POSIX modes do not exist). */
  static void makeExecutable(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> modes = EnumSet.copyOf(Files.getPosixFilePermissions(file));
    if (modes.contains(PosixFilePermission.OWNER_READ)) {
      modes.add(PosixFilePermission.OWNER_EXECUTE);
    }
    if (modes.contains(PosixFilePermission.GROUP_READ)) {
      modes.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if (modes.contains(PosixFilePermission.OTHERS_READ)) {
      modes.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    Files.setPosixFilePermissions(file, modes);
  }
}
