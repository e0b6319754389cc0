package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Field;
import java.util.Optional;

/** Where a flow takes the key of the instance it acts on. */
public final class KeySources {

  private KeySources() {}

  /** The aggregate's key name, when it names one of the aggregate's fields. */
  public static Optional<String> keyName(FlowSite site) {
    return site.aggregate()
        .key()
        .map(k -> k.value())
        .filter(k -> site.aggregate().field(k).isPresent());
  }

  /** True when the flow has no way to know its key; {@code MissingKeySource} reports it. */
  public static boolean missing(FlowSite site) {
    return keyName(site).isPresent()
        && site.flow().key().isEmpty()
        && site.input().isPresent()
        && site.inputField(keyName(site).get()).isEmpty();
  }

  /**
   * The input field that gives the key by its name, when the flow has no {@code key:} expression.
   */
  public static Optional<Field> keyField(FlowSite site) {
    if (site.flow().key().isPresent()) {
      return Optional.empty();
    }
    return keyName(site).flatMap(site::inputField);
  }
}
