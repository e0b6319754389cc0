package dev.tracepaper.runtime.automation;

import java.util.Objects;

/**
 * A secret an automation declares: its name in the model ({@code secrets.<name>}) and where it is
 * read at run time. The model holds where, never the value.
 *
 * @param id the secret's id or ARN (Secrets Manager), or the parameter's name (Parameter Store)
 */
public record SecretRef(String name, Source source, String id) {

  /** The AWS service that holds a secret. */
  public enum Source {
    SECRETS_MANAGER,
    PARAMETER_STORE
  }

  public SecretRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }

  public static SecretRef secretsManager(String name, String id) {
    return new SecretRef(name, Source.SECRETS_MANAGER, id);
  }

  public static SecretRef parameterStore(String name, String id) {
    return new SecretRef(name, Source.PARAMETER_STORE, id);
  }
}
