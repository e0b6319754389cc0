package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * A function's JVM as Lambda starts it under SnapStart, for {@link PrimingTest}: the handler is
 * created from the environment as the Lambda runtime creates it, then, with {@code checkpoint},
 * {@code org.crac.Core.checkpointRestore()} runs the hooks registered (started with {@code
 * -Dorg.crac.Core.Compat=dev.tracepaper.runtime.crac}, the stand-in of Lambda's implementation).
 * Prints a line {@code primed <operations>} when done.
 *
 * <p>Usage: {@code PrimingProbe command|publisher|projector|failing [checkpoint]}
 */
final class PrimingProbe {

  private PrimingProbe() {}

  public static void main(String[] args) throws Exception {
    Object handler =
        switch (args[0]) {
          case "command" -> new LambdaCounterHandler();
          case "publisher" -> new PublisherHandler(EventUpcaster.NONE) {};
          case "projector" -> new ProjectorHandler(List.of(CounterViews.TOTALS)) {};
          case "failing" -> failing();
          default -> throw new IllegalArgumentException(args[0]);
        };
    System.out.println("constructed " + handler.getClass().getName());
    System.out.flush();
    if (args.length > 1 && args[1].equals("checkpoint")) {
      org.crac.Core.checkpointRestore();
    }
    System.out.println("primed " + String.join(",", Priming.operations()));
    System.out.flush();
  }

  private static Object failing() {
    Priming.beforeSnapshot(
        PrimingProbe.class,
        () -> {
          throw new IllegalStateException("no priming today");
        });
    return "a handler whose priming fails";
  }

  /** The constructor a generated command handler gives Lambda (CommandHandler.java.ftl). */
  static final class LambdaCounterHandler implements RequestStreamHandler {
    private final CounterHandler handler;

    LambdaCounterHandler() {
      handler =
          new CounterHandler(
              DynamoDbEventStore.fromEnvironment(), Counter.PLAIN, Clock.systemUTC());
      Priming.beforeSnapshot(LambdaCounterHandler.class, LambdaCounterHandler::prime);
    }

    static String prime() {
      return Priming.invoke(
          new CounterHandler(Priming.eventStore(), Counter.PLAIN, Clock.systemUTC()),
          Priming.mutation(
              "createCounter",
              "{\"id\": \"primed\"}",
              AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS,
              List.of("librarian")));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {
      handler.handleRequest(in, out, context);
    }
  }
}
