package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.ViewTestSite;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a view's test expects are the view's rows, complete, matched by key: each names its key,
 * and no two name the same one (a view holds one row per key).
 */
public final class ViewTestRowKey implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (ViewTestSite site : ViewTestSite.all(model)) {
      Optional<String> key = keyField(model, site.view());
      if (key.isEmpty()) {
        continue; // ViewWithoutKey (or the missing aggregate) is reported already
      }
      Map<String, MappingNode> seen = new HashMap<>();
      for (MappingNode row : site.test().rows().orElse(java.util.List.of())) {
        Optional<YamlNode> value = row.get(key.get());
        if (value.isEmpty() || !(value.get() instanceof ScalarNode s) || s.isNull()) {
          report.error(
              row.location(),
              "%s expects a row without its key `%s`, so no row of the view can be matched to it."
                  .formatted(site.phrase(), key.get()),
              "name the row's key: `{%s: <value>, …}`".formatted(key.get()));
          continue;
        }
        MappingNode earlier = seen.putIfAbsent(s.value(), row);
        if (earlier != null) {
          report.error(
              row.location(),
              "%s expects two rows with the key `%s: %s`, but the view holds one row per key."
                  .formatted(site.phrase(), key.get(), s.value()),
              "merge the two rows into one",
              earlier.location());
        }
      }
    }
  }

  /** {@code key:}, else for a {@code from} view the aggregate's key. */
  static Optional<String> keyField(ModelIndex model, View view) {
    return view.key()
        .map(Located::value)
        .or(
            () ->
                view.from()
                    .flatMap(f -> model.aggregate(f.value()))
                    .flatMap(Aggregate::key)
                    .map(Located::value));
  }
}
