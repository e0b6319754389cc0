package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A small aggregate with a {@code unique} e-mail address for the runtime's own tests: an account is
 * opened, changes its address, and is closed.
 */
final class Account implements AggregateType<Account.State, Account.Event> {

  record State(String email) {}

  sealed interface Event {}

  record Opened(String email) implements Event {}

  record EmailChanged(String email) implements Event {}

  record Closed() implements Event {}

  static final UniqueConstraint EMAIL =
      new UniqueConstraint("email", "EMAIL_TAKEN", "Another account has this e-mail address");

  /** The account as the model has it: no two accounts share an address. */
  static final Account UNIQUE = new Account(true, 0);

  /** The account of a model before the constraint was added to it. */
  static final Account BEFORE_UNIQUE = new Account(false, 0);

  /** An account whose events expire after a year, and so do its claims. */
  static final Account RETAINED = new Account(true, 365);

  private final boolean unique;
  private final int retentionDays;

  private Account(boolean unique, int retentionDays) {
    this.unique = unique;
    this.retentionDays = retentionDays;
  }

  static UniqueConstraint.Claim claimOf(String email) {
    return EMAIL.claim(UniqueConstraint.caseless(email));
  }

  @Override
  public List<UniqueConstraint.Claim> claims(State state) {
    return unique ? UniqueConstraint.claims(claimOf(state.email())) : List.of();
  }

  @Override
  public int retentionDays() {
    return retentionDays;
  }

  @Override
  public String name() {
    return "Account";
  }

  @Override
  public String source() {
    return "sample.Accounts.Account";
  }

  @Override
  public State empty() {
    return new State(null);
  }

  @Override
  public State apply(State state, Event event) {
    if (event instanceof Opened opened) {
      return new State(opened.email());
    }
    if (event instanceof EmailChanged changed) {
      return new State(changed.email());
    }
    return state;
  }

  @Override
  public boolean endsInstance(Event event) {
    return event instanceof Closed;
  }

  @Override
  public String eventType(Event event) {
    return event.getClass().getSimpleName();
  }

  @Override
  public int schemaVersion(Event event) {
    return 1;
  }

  @Override
  public ObjectNode eventToJson(Event event) {
    ObjectNode json = Json.object();
    if (event instanceof Opened opened) {
      json.put("email", opened.email());
    } else if (event instanceof EmailChanged changed) {
      json.put("email", changed.email());
    }
    return json;
  }

  @Override
  public Event eventFromJson(String type, JsonNode payload) {
    String email = payload.path("email").isTextual() ? payload.get("email").asText() : null;
    return switch (type) {
      case "Opened" -> new Opened(email);
      case "EmailChanged" -> new EmailChanged(email);
      case "Closed" -> new Closed();
      default -> throw new IllegalArgumentException("unknown Account event " + type);
    };
  }

  @Override
  public ObjectNode stateToJson(State state) {
    ObjectNode json = Json.object();
    json.put("email", state.email());
    return json;
  }

  @Override
  public State stateFromJson(JsonNode json) {
    return new State(json.path("email").isTextual() ? json.get("email").asText() : null);
  }

  @Override
  public String stateFingerprint() {
    return "account-1";
  }

  @Override
  public int snapshotEvery() {
    return 0;
  }
}
