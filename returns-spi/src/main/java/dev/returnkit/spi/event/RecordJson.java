package dev.returnkit.spi.event;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import dev.returnkit.spi.json.JsonParser;
import dev.returnkit.spi.json.JsonWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the SPI's return events as JSON and reads them back, by their record components, so
 * that an event reads back equal to what was written: the mapping behind {@link EventJson}.
 *
 * <p>Why hand-written: the SPI depends on no library, and the SPI's values are a
 * closed set of records, enums, strings, numbers, instants, currencies and lists, which a
 * component-by-component mapping covers in a page. A sealed interface's value carries its
 * record's simple name under {@code "@type"}. Decimals are written as strings, so an amount
 * keeps its scale ({@code 10.50} stays {@code 10.50}, which {@code BigDecimal.equals} needs).
 * Lone surrogates in text are escaped, so text that is not well-formed Unicode still round-trips
 * through a UTF-8 database.
 *
 * <p>Reading is lenient in the one way that lets stored rows outlive a release: a component
 * missing from the JSON (a field added after the row was written) reads as {@code null}, zero
 * or false, and names the JSON has but the record lacks are ignored. Stateless and thread-safe.
 */
final class RecordJson {

  private static final String TYPE = "@type";

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private RecordJson() {}

  /**
   * The JSON of a record.
   *
   * @param value a record of the SPI
   * @param declared the type the reader will ask for (a sealed interface adds {@code @type})
   * @return its JSON text
   */
  static String write(Object value, Type declared) {
    StringBuilder out = new StringBuilder(512);
    write(out, value, declared);
    return out.toString();
  }

  /**
   * Reads a value back.
   *
   * @param json text written by {@link #write}
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws IllegalArgumentException if the text is not JSON of that type
   */
  static <T> T read(String json, Class<T> type) {
    Object tree = new JsonParser(json).parseDocument();
    return type.cast(convert(tree, type));
  }

  private static void write(StringBuilder out, Object value, Type declared) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      quote(out, text);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.append(value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof BigDecimal decimal) {
      quote(out, decimal.toPlainString());
    } else if (value instanceof Enum<?> constant) {
      quote(out, constant.name());
    } else if (value instanceof Instant instant) {
      quote(out, instant.toString());
    } else if (value instanceof Currency currency) {
      quote(out, currency.getCurrencyCode());
    } else if (value instanceof Collection<?> items) {
      Type element = typeArgument(declared, 0);
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item, element);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      Type valueType = typeArgument(declared, 1);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue(), valueType);
      }
      out.append('}');
    } else if (value instanceof Record record) {
      writeRecord(out, record, declared);
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
    }
  }

  private static void writeRecord(StringBuilder out, Record record, Type declared) {
    out.append('{');
    boolean first = true;
    if (rawClass(declared).isSealed()) {
      quote(out, TYPE);
      out.append(':');
      quote(out, record.getClass().getSimpleName());
      first = false;
    }
    Shape shape = SHAPES.get(record.getClass());
    for (RecordComponent component : shape.components()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, component.getName());
      out.append(':');
      write(out, shape.valueOf(component, record), component.getGenericType());
    }
    out.append('}');
  }

  private static Object convert(Object node, Type type) {
    Class<?> raw = rawClass(type);
    if (node == null) {
      return missing(raw);
    }
    try {
      if (raw == String.class) {
        return (String) node;
      }
      if (raw == int.class || raw == Integer.class) {
        return ((BigDecimal) node).intValueExact();
      }
      if (raw == long.class || raw == Long.class) {
        return ((BigDecimal) node).longValueExact();
      }
      if (raw == boolean.class || raw == Boolean.class) {
        return (Boolean) node;
      }
      if (raw == BigDecimal.class) {
        return new BigDecimal((String) node);
      }
      if (raw.isEnum()) {
        return enumConstant(raw, (String) node);
      }
      if (raw == Instant.class) {
        return Instant.parse((String) node);
      }
      if (raw == Currency.class) {
        return Currency.getInstance((String) node);
      }
      if (raw == List.class || raw == Set.class) {
        Type element = typeArgument(type, 0);
        Collection<Object> items = raw == List.class ? new ArrayList<>() : new LinkedHashSet<>();
        for (Object item : (List<?>) node) {
          items.add(convert(item, element));
        }
        return items;
      }
      if (raw == Map.class) {
        Type valueType = typeArgument(type, 1);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
          map.put((String) entry.getKey(), convert(entry.getValue(), valueType));
        }
        return map;
      }
      if (raw.isSealed() && raw.isInterface()) {
        return convert(node, permitted(raw, (String) ((Map<?, ?>) node).get(TYPE)));
      }
      if (raw.isRecord()) {
        return SHAPES.get(raw).create((Map<?, ?>) node);
      }
    } catch (ClassCastException | ArithmeticException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("stored JSON does not fit " + type.getTypeName()
          + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("cannot read a " + type.getTypeName());
  }

  private static Object missing(Class<?> raw) {
    if (raw == int.class) {
      return 0;
    }
    if (raw == long.class) {
      return 0L;
    }
    if (raw == boolean.class) {
      return false;
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> raw, String name) {
    return Enum.valueOf((Class<? extends Enum>) raw, name);
  }

  private static Class<?> permitted(Class<?> sealed, String simpleName) {
    for (Class<?> subclass : sealed.getPermittedSubclasses()) {
      if (subclass.getSimpleName().equals(simpleName)) {
        return subclass;
      }
    }
    throw new IllegalArgumentException(
        "no " + sealed.getSimpleName() + " named '" + simpleName + "'");
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    throw new IllegalArgumentException("unsupported type " + type.getTypeName());
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException(type.getTypeName() + " must be parameterized");
  }

  private static void quote(StringBuilder out, String text) {
    JsonWriter.quote(out, text);
  }

  /** A record class's components and canonical constructor, looked up once per class. */
  private record Shape(RecordComponent[] components, Constructor<?> constructor) {

    static Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] parameterTypes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        parameterTypes[i] = components[i].getType();
      }
      try {
        return new Shape(components, type.getDeclaredConstructor(parameterTypes));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical "
            + "constructor", e);
      }
    }

    Object valueOf(RecordComponent component, Record record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }

    Object create(Map<?, ?> fields) {
      Object[] arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        arguments[i] = convert(fields.get(components[i].getName()),
            components[i].getGenericType());
      }
      try {
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException("stored JSON makes an invalid "
            + constructor.getDeclaringClass().getSimpleName() + ": "
            + e.getCause().getMessage(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create "
            + constructor.getDeclaringClass().getName(), e);
      }
    }
  }
}
