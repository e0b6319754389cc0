package dev.tracepaper.render;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * FreeMarker's default wrapper (records' components read as properties), refusing collections whose
 * iteration order changes from run to run: a {@code HashMap}, a {@code HashSet}, or a {@code
 * Map.of}/{@code Set.of} of more than one element. A template listing one would write files whose
 * bytes differ between two runs on the same model. Lists, {@code LinkedHashMap}s and sorted maps
 * are fine.
 */
final class StableOrderObjectWrapper extends DefaultObjectWrapper {

  /** {@code Map.of}, {@code Set.of}: their iteration order is salted per JVM run. */
  private static final String IMMUTABLE = "java.util.ImmutableCollections$";

  StableOrderObjectWrapper(Version incompatibleImprovements) {
    super(incompatibleImprovements);
    setExposeFields(false);
    setForceLegacyNonListCollections(false);
  }

  @Override
  public TemplateModel wrap(Object value) throws TemplateModelException {
    if (hasUnstableOrder(value)) {
      throw new TemplateModelException(
          "the template data model holds a "
              + value.getClass().getName()
              + ", whose order changes from run to run; use a List, a LinkedHashMap or a TreeMap");
    }
    return super.wrap(value);
  }

  private static boolean hasUnstableOrder(Object value) {
    if (value instanceof LinkedHashMap<?, ?> || value instanceof LinkedHashSet<?>) {
      return false;
    }
    if (value instanceof HashMap<?, ?> || value instanceof HashSet<?>) {
      return true;
    }
    boolean jdkImmutable = value != null && value.getClass().getName().startsWith(IMMUTABLE);
    if (jdkImmutable && value instanceof Map<?, ?> map) {
      return map.size() > 1;
    }
    return jdkImmutable && value instanceof java.util.Set<?> set && set.size() > 1;
  }
}
