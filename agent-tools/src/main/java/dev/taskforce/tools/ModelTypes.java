package dev.taskforce.tools;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Types that only make sense as values the model writes, never as injected application values. */
final class ModelTypes {

  private ModelTypes() {}

  static boolean isModelValue(Class<?> type) {
    return type.isPrimitive()
        || type.isArray()
        || type.isEnum()
        || type == String.class
        || CharSequence.class.isAssignableFrom(type)
        || Number.class.isAssignableFrom(type)
        || type == Boolean.class
        || type == Character.class
        || type == UUID.class
        || type == Optional.class
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)
        || TemporalAccessor.class.isAssignableFrom(type)
        || TemporalAmount.class.isAssignableFrom(type);
  }
}
