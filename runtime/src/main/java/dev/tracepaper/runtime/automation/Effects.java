package dev.tracepaper.runtime.automation;

import dev.tracepaper.runtime.CommandResult;
import java.util.function.Supplier;

/**
 * Where an automation's side effects happen: {@link AwsEffects} in a deployed function (SES, the
 * JDK's HTTP client, S3, Secrets Manager and Parameter Store); a recording in tests. A failure is
 * thrown and fails the run, which is then retried.
 */
public interface Effects {

  void email(Email email);

  void http(HttpCall call);

  void s3Object(S3Put put);

  /** The secret's current value. */
  String secret(SecretRef secret);

  /** Sends a command in-process: {@code send} runs it on the event store. */
  default CommandResult command(CommandCall call, Supplier<CommandResult> send) {
    return send.get();
  }
}
