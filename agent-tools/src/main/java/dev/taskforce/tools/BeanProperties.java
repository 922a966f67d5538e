package dev.taskforce.tools;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The readable properties of a record (its components) or class (its instance fields, inherited
 * ones included), for walking into nested argument objects. Cached per class; thread-safe.
 */
final class BeanProperties {

  private static final ClassValue<BeanProperties> CACHE =
      new ClassValue<>() {
        @Override
        protected BeanProperties computeValue(Class<?> type) {
          return new BeanProperties(type);
        }
      };

  /** One property value. */
  record Property(String name, @Nullable Object value) {}

  private record Member(String name, AccessibleObject accessor) {}

  private final List<Member> members;

  private BeanProperties(Class<?> type) {
    List<Member> list = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        Method accessor = c.getAccessor();
        if (accessor.trySetAccessible()) {
          list.add(new Member(c.getName(), accessor));
        }
      }
    } else {
      for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
        for (Field f : t.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && f.trySetAccessible()) {
            list.add(new Member(f.getName(), f));
          }
        }
      }
    }
    this.members = List.copyOf(list);
  }

  static BeanProperties of(Class<?> type) {
    return CACHE.get(type);
  }

  List<Property> read(Object bean) {
    List<Property> values = new ArrayList<>();
    for (Member m : members) {
      values.add(new Property(m.name(), read(m.accessor(), bean)));
    }
    return values;
  }

  private static @Nullable Object read(AccessibleObject member, Object bean) {
    try {
      return member instanceof Method m ? m.invoke(bean) : ((Field) member).get(bean);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // a property that cannot be read is not walked into
    }
  }
}
