package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * The command handler a generated aggregate gets (templates/src/main/java/aggregate/
 * CommandHandler.java.ftl), written out for {@link Counter}, so that the runtime's fault and soak
 * tests go through the same steps as a generated handler: AppSync's event parsed, the input read,
 * the command run by {@link CommandRunner}, the answer written by {@link Responses}.
 *
 * <p>Mutations: {@code createCounter(id)}, {@code incrementCounter(id, by)}, {@code
 * deleteCounter(id)}.
 */
final class CounterHandler implements RequestStreamHandler {

  private final CommandRunner<Counter.State, Counter.Event> runner;
  private final Counter type;
  private final Clock clock;

  CounterHandler(EventStore store, Counter type, Clock clock) {
    this.runner = new CommandRunner<>(store, type);
    this.type = type;
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Responses.write(in, out, context, type, this::handle);
  }

  private CommandResult handle(AppSyncRequest request) {
    Metadata meta = request.metadata(clock);
    Input input = Input.of(request.input());
    String id = input.text("id");
    input.required("id", id);
    return switch (request.fieldName()) {
      case "createCounter" -> {
        input.throwIfInvalid();
        yield runner.run(id, Existence.NEW, meta, state -> List.of(new Counter.Created()));
      }
      case "incrementCounter" -> {
        Long by = input.integer("by");
        input.required("by", by);
        input.throwIfInvalid();
        yield runner.run(
            id, Existence.EXISTING, meta, state -> List.of(new Counter.Incremented(by.intValue())));
      }
      case "deleteCounter" -> {
        input.throwIfInvalid();
        yield runner.run(id, Existence.EXISTING, meta, state -> List.of(new Counter.Deleted()));
      }
      default -> throw new IllegalArgumentException("no mutation called " + request.fieldName());
    };
  }
}
