package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.tracepaper.TestPaths;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Stand-ins for the generated project in tests: a record per model struct (Int, Float and Boolean
 * boxed, as fields that may be absent are), a Java enum per model enum, the runtime helper, and an
 * in-memory compiler for them.
 */
final class JavaHarness {

  /**
   * Translations compiled as the static methods {@code t0, t1, ...} of a class {@code Table}, each
   * taking the scope's variables in order.
   *
   * @param source the class's Java source
   * @param loader the loader of {@code Table} and its stand-ins
   * @param methods {@code t0, t1, ...} by index
   */
  record Table(String source, ClassLoader loader, Method[] methods) {}

  private final ModelTypes types;
  private final Map<String, String> records = new LinkedHashMap<>();
  private final Map<String, String> enums = new LinkedHashMap<>();
  private final Deque<CelType> pending = new ArrayDeque<>();

  JavaHarness(ModelTypes types) {
    this.types = types;
  }

  static String runtimeSource() {
    // The runtime's class, less its package line: the harness compiles in the unnamed package.
    try {
      String source =
          Files.readString(
              TestPaths.root()
                  .resolve("runtime/src/main/java/dev/tracepaper/runtime/Expressions.java"));
      return source.substring(source.indexOf("/**"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Java type of a CEL type; struct types get a record stand-in. */
  String javaType(CelType type) {
    return switch (type.kind()) {
      case INT -> "Long";
      case DOUBLE -> "Double";
      case BOOL -> "Boolean";
      case STRING -> "String";
      case TIMESTAMP -> "java.time.Instant";
      case LIST -> "java.util.List<" + javaType(((ListType) type).elemType()) + ">";
      case STRUCT -> recordName(type);
      case OPAQUE -> "java.time.LocalDate";
      case MAP -> "java.util.Map<String, String>";
      default -> "tools.jackson.databind.JsonNode";
    };
  }

  static String recordName(CelType type) {
    return "R_" + type.name().replaceAll("[^A-Za-z0-9]", "_");
  }

  static String enumName(String modelName) {
    return "E_" + modelName;
  }

  private String recordName(CelType type, boolean declare) {
    String name = recordName(type);
    if (declare && !records.containsKey(name)) {
      records.put(name, "");
      pending.add(type);
    }
    return name;
  }

  /** Records are declared on demand; their fields may name further records. */
  private String declared(CelType type) {
    if (type.kind() == CelKind.STRUCT) {
      return recordName(type, true);
    }
    if (type.kind() == CelKind.LIST) {
      return "java.util.List<" + declared(((ListType) type).elemType()) + ">";
    }
    return javaType(type);
  }

  String parameterType(CelType type) {
    return declared(type);
  }

  private String resultType(CelType type) {
    return switch (type.kind()) {
      case DYN, ANY, MAP, TYPE_PARAM -> "Object";
      default -> declared(type);
    };
  }

  private void drain() {
    while (!pending.isEmpty()) {
      CelType type = pending.pop();
      ModelStruct struct = types.struct(type).orElseThrow();
      String components =
          struct.fields().stream()
              .map(
                  f ->
                      fieldType(struct, f) + " " + dev.tracepaper.naming.JavaNames.member(f.name()))
              .collect(Collectors.joining(", "));
      records.put(
          recordName(type), "public record " + recordName(type) + "(" + components + ") {}");
    }
  }

  private String fieldType(ModelStruct struct, Field field) {
    ModelIndex index = types.index();
    if (index.kindOf(field.type(), struct.owner()) == ModelIndex.TypeKind.ENUM) {
      EnumDef def = index.enumDef(field.type().name()).orElseThrow();
      enums.put(
          enumName(def.name()),
          "public enum "
              + enumName(def.name())
              + " {"
              + def.values().stream().map(Located::value).collect(Collectors.joining(", "))
              + "}");
      String name = enumName(def.name());
      return field.type().list() ? "java.util.List<" + name + ">" : name;
    }
    return declared(types.of(field.type(), struct.owner()));
  }

  /**
   * Each of {@code asts} (checked from {@code texts} in {@code scope}) translated to Java and
   * compiled into a {@link Table}.
   */
  Table table(Map<String, CelType> scope, List<String> texts, List<CelAbstractSyntaxTree> asts)
      throws Exception {
    JavaTranslator translator = new JavaTranslator(types, names());
    String parameters =
        scope.entrySet().stream()
            .map(e -> parameterType(e.getValue()) + " " + e.getKey())
            .collect(Collectors.joining(", "));
    TreeSet<String> imports = new TreeSet<>();
    StringBuilder methods = new StringBuilder();
    for (int i = 0; i < asts.size(); i++) {
      Translation translation = translator.translate(asts.get(i), scope.keySet(), false);
      assertWithMessage("translate %s", texts.get(i))
          .that(translation)
          .isInstanceOf(Translation.Java.class);
      Translation.Java java = (Translation.Java) translation;
      imports.addAll(java.imports());
      // Declared as the checked type, not Object: generated code puts every translation where a
      // value of that type stands (a record component, a typed variable), so it must compile
      // there, e.g. an empty list literal must not turn a list of records into List<Object>.
      methods.append(
          "  public static %s t%d(%s) {%n    return %s;%n  }%n"
              .formatted(resultType(asts.get(i).getResultType()), i, parameters, java.code()));
    }
    String source = source("Table", new ArrayList<>(imports), methods.toString());
    ClassLoader loader = compile(Map.of("Table", source, JavaNames.RUNTIME, runtimeSource()));
    Method[] byIndex = new Method[asts.size()];
    for (Method m : loader.loadClass("Table").getMethods()) {
      if (m.getName().matches("t[0-9]+")) {
        byIndex[Integer.parseInt(m.getName().substring(1))] = m;
      }
    }
    return new Table(source, loader, byIndex);
  }

  /**
   * The names of translated code: the stand-in records, and text converted into the stand-in enum
   * where a literal gives an enum field.
   */
  JavaNames names() {
    return new JavaNames(
        Map.of(),
        JavaNames.RUNTIME,
        new JavaValues() {
          @Override
          public String record(ModelStruct struct) {
            return recordName(struct.celType(), true);
          }

          @Override
          public String into(
              String code,
              CelType type,
              dev.tracepaper.model.TypeRef target,
              java.util.Optional<dev.tracepaper.model.Aggregate> owner) {
            if (types.index().kindOf(target, owner) != ModelIndex.TypeKind.ENUM) {
              return code;
            }
            String name = enumName(target.name());
            return target.list()
                ? code + ".stream().map(" + name + "::valueOf).toList()"
                : name + ".valueOf(" + code + ")";
          }
        });
  }

  /** {@code text} parsed and checked in {@code scope}; fails the test on any error. */
  static CelAbstractSyntaxTree check(
      CheckerSession session, Map<String, CelType> scope, String text) {
    return check(session, scope, java.util.Optional.empty(), text);
  }

  /** As above, in an expression of the aggregate {@code owner}, which may build its entities. */
  static CelAbstractSyntaxTree check(
      CheckerSession session,
      Map<String, CelType> scope,
      java.util.Optional<dev.tracepaper.model.Aggregate> owner,
      String text) {
    CheckerSession.Parsed parsed = session.parse(text);
    assertWithMessage("parse %s: %s", text, parsed.errors()).that(parsed.ast()).isPresent();
    CheckerSession.Checked checked = session.check(parsed.ast().get(), scope, owner);
    assertWithMessage("check %s: %s", text, checked.errors()).that(checked.errors()).isEmpty();
    return checked.ast().orElseThrow();
  }

  /** A compilation unit of the default package holding every stand-in and {@code body}. */
  String source(String className, List<String> imports, String body) {
    drain();
    StringBuilder out = new StringBuilder();
    imports.stream()
        .sorted()
        .distinct()
        .forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append("public class ").append(className).append(" {\n");
    enums.values().forEach(e -> out.append("  ").append(e).append('\n'));
    records.values().forEach(r -> out.append("  ").append(r).append('\n'));
    return out.append(body).append("}\n").toString();
  }

  /** Surefire's class path is a manifest-only jar; Json stand-ins need Jackson's own. */
  private static String jacksonJar() {
    try {
      return java.nio.file.Path.of(
              tools.jackson.databind.JsonNode.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles Java 17 sources (class name to text); fails with the compiler's messages. */
  static ClassLoader compile(Map<String, String> sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager files =
        new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
              }
            };
          }
        };
    List<JavaFileObject> units =
        sources.entrySet().stream()
            .map(
                e ->
                    (JavaFileObject)
                        new SimpleJavaFileObject(
                            URI.create("string:///" + e.getKey() + ".java"),
                            JavaFileObject.Kind.SOURCE) {
                          @Override
                          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return e.getValue();
                          }
                        })
            .toList();
    StringWriter messages = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                messages,
                files,
                null,
                List.of("--release", "17", "-classpath", jacksonJar()),
                null,
                units)
            .call();
    if (!ok) {
      throw new AssertionError("the translated Java does not compile:\n" + messages);
    }
    return new ClassLoader(JavaHarness.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          return super.findClass(name);
        }
        byte[] code = bytes.toByteArray();
        return defineClass(name, code, 0, code.length);
      }
    };
  }
}
