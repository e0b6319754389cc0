package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.testing.HttpStub;
import dev.tracepaper.runtime.testing.InMemoryLedger;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The SDK modules of automations are optional in the runtime's pom: a project declares only those
 * its automations use. So an automation that calls HTTP endpoints and sends commands must run with
 * none of them on the class path: here, in a class loader without SES, S3, Secrets Manager and SSM.
 */
class AutomationOptionalModulesTest {

  private static final List<String> OPTIONAL =
      List.of("sesv2", "s3", "secretsmanager", "ssm").stream()
          .map(module -> "/software/amazon/awssdk/" + module + "/")
          .toList();

  @Test
  void httpAndCommandsNeedNoneOfTheOptionalSdkModules() throws Exception {
    List<URL> path = new ArrayList<>();
    for (String entry : classPath().split(File.pathSeparator)) {
      String normalized = entry.replace(File.separatorChar, '/');
      if (OPTIONAL.stream().noneMatch(normalized::contains)) {
        path.add(url(entry));
      }
    }
    try (URLClassLoader loader =
        new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Supplier<String> probe =
          (Supplier<String>)
              loader.loadClass(Probe.class.getName()).getDeclaredConstructor().newInstance();
      assertEquals(
          "POST /orders {\"isbn\": \"9780441013593\", \"reason\": \"lost\"}\n|1|absent",
          probe.get());
    }
  }

  /**
   * Surefire passes the test class path in a property (its booter jar is all java.class.path has).
   */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static URL url(String entry) {
    try {
      return new File(entry).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs in the restricted class loader: an HTTP call with a body and a command, on AwsEffects. */
  public static final class Probe implements Supplier<String> {
    @Override
    public String get() {
      try (HttpStub stub = HttpStub.start()) {
        Automations automations =
            new Automations(new InMemoryLedger(), new AwsEffects(builder -> {}, stub::route));
        int[] commands = {0};
        automations.run(
            "Reorder",
            Trigger.schedule(Instant.parse("2027-01-04T08:00:00Z")),
            List.of(),
            run -> {
              run.http(
                  "POST",
                  "https://supplier.example/orders",
                  List.of(),
                  List.of(),
                  "order.json",
                  Map.of("isbn", "9780441013593", "reason", "lost"));
              run.command(
                  "Catalog.Reorder",
                  "reorder",
                  "desk",
                  Run.input("isbn", "9780441013593"),
                  request -> {
                    commands[0]++;
                    return new CommandResult("b1", 1, List.of("Reordered"));
                  });
            });
        HttpStub.Request request = stub.requests().get(0);
        String ses;
        try {
          Class.forName("software.amazon.awssdk.services.sesv2.SesV2Client");
          ses = "present";
        } catch (ClassNotFoundException e) {
          ses = "absent";
        }
        return request.method()
            + " "
            + java.net.URI.create(request.url()).getPath()
            + " "
            + request.body()
            + "|"
            + commands[0]
            + "|"
            + ses;
      }
    }
  }
}
