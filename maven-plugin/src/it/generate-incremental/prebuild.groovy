// The model is the repository's library example as it is, copied into model/.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path from = Path.of(examples, 'library')
Path to = basedir.toPath().resolve('model')
Files.walk(from).withCloseable { paths ->
  paths.forEach { Path path ->
    Path target = to.resolve(from.relativize(path).toString())
    if (Files.isDirectory(path)) {
      Files.createDirectories(target)
    } else {
      Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING)
    }
  }
}
return true
