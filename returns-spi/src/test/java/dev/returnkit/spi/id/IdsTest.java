package dev.returnkit.spi.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Identifiers")
class IdsTest {

  /** One id type: how to make it, how to read it back, and what its messages call it. */
  record IdType(String kind, Function<String, Object> factory, Function<Object, String> value) {
    @Override
    public String toString() {
      return kind;
    }
  }

  static Stream<IdType> idTypes() {
    return Stream.of(
        new IdType("return case id", ReturnId::of, id -> ((ReturnId) id).value()),
        new IdType("order id", OrderId::of, id -> ((OrderId) id).value()),
        new IdType("order line id", OrderLineId::of, id -> ((OrderLineId) id).value()),
        new IdType("customer id", CustomerId::of, id -> ((CustomerId) id).value()),
        new IdType("SKU id", Sku::of, id -> ((Sku) id).value()));
  }

  static Stream<Arguments> idTypesWithBadCharacters() {
    List<String> bad = List.of(
        " leading", "trailing ", "in side", "tab\there", "new\nline", "carriage\rreturn",
        "form\ffeed", "nul\u0000char", "bell\u0007", "delete\u007f", "next\u0085line",
        "em\u2003space", "line\u2028separator", "ideographic\u3000space",
        "no\u00a0break", "figure\u2007space", "narrow\u202fno-break");
    return idTypes().flatMap(
        type -> bad.stream().map(value -> Arguments.of(type, visible(value), value)));
  }

  /** The value with every non-printable or space character as a Java escape, for test names. */
  private static String visible(String value) {
    StringBuilder text = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c > ' ' && c < 0x7f) {
        text.append(c);
      } else {
        text.append(String.format("\\u%04x", (int) c));
      }
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  @DisplayName("rejects null with a message naming the id type")
  void rejectsNull(IdType type) {
    assertThatNullPointerException()
        .isThrownBy(() -> type.factory().apply(null))
        .withMessage(type.kind() + " must not be null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  @DisplayName("rejects empty and blank values as blank")
  void rejectsBlank(IdType type) {
    for (String blank : List.of("", " ", "   ", "\t", "\n")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> type.factory().apply(blank))
          .withMessage(type.kind() + " must not be blank");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  @DisplayName("accepts 64 characters and rejects 65, giving the limit and the length")
  void limitsLength(IdType type) {
    String longest = "a".repeat(64);

    assertThat(type.value().apply(type.factory().apply(longest))).isEqualTo(longest);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> type.factory().apply(longest + "b"))
        .withMessage(type.kind() + " must be at most 64 characters, got 65");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> type.factory().apply("x".repeat(1000)))
        .withMessageContaining("at most 64");
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @MethodSource("idTypesWithBadCharacters")
  @DisplayName("rejects whitespace (including no-break spaces) and control characters")
  void rejectsWhitespaceAndControlCharacters(IdType type, String shown, String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> type.factory().apply(value))
        .withMessageStartingWith(
            type.kind() + " must not contain whitespace or control characters");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  @DisplayName("accepts typical shop keys, and its toString is exactly the value")
  void acceptsTypicalKeys(IdType type) {
    for (String value : List.of("R-1", "ORD-2024-000123", "line:7", "a", "SKU_42/blue-XL",
        "550e8400-e29b-41d4-a716-446655440000", "café", "注文-1")) {
      Object id = type.factory().apply(value);

      assertThat(type.value().apply(id)).isEqualTo(value);
      assertThat(id).hasToString(value);
      assertThat(type.factory().apply(value)).isEqualTo(id).hasSameHashCodeAs(id);
    }
  }

  @Test
  @DisplayName("ids of different types with the same text are not equal")
  void typesAreDistinct() {
    assertThat((Object) OrderId.of("42")).isNotEqualTo(CustomerId.of("42"));
    assertThat((Object) ReturnId.of("42")).isNotEqualTo(OrderLineId.of("42"));
    assertThat((Object) Sku.of("42")).isNotEqualTo(OrderId.of("42"));
  }

  @Nested
  @DisplayName("ReturnIdSource.sequential")
  class Sequential {

    @Test
    @DisplayName("hands out prefix-1, prefix-2, ... in order")
    void countsUp() {
      ReturnIdSource source = ReturnIdSource.sequential("R");

      assertThat(List.of(source.next(), source.next(), source.next()))
          .containsExactly(ReturnId.of("R-1"), ReturnId.of("R-2"), ReturnId.of("R-3"));
    }

    @Test
    @DisplayName("each source counts on its own")
    void sourcesAreIndependent() {
      ReturnIdSource first = ReturnIdSource.sequential("A");
      ReturnIdSource second = ReturnIdSource.sequential("B");
      first.next();
      first.next();

      assertThat(second.next()).isEqualTo(ReturnId.of("B-1"));
      assertThat(first.next()).isEqualTo(ReturnId.of("A-3"));
    }

    @Test
    @DisplayName("refuses a null prefix")
    void refusesNullPrefix() {
      assertThatNullPointerException().isThrownBy(() -> ReturnIdSource.sequential(null));
    }

    @Test
    @DisplayName("8 threads drawing 1000 ids each get 8000 distinct ids, R-1 to R-8000")
    void uniqueUnderConcurrency() throws Exception {
      ReturnIdSource source = ReturnIdSource.sequential("R");
      int threads = 8;
      int perThread = 1000;
      Set<ReturnId> seen = ConcurrentHashMap.newKeySet();
      List<ReturnId> all = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
              ReturnId id = source.next();
              seen.add(id);
              all.add(id);
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> each : done) {
          each.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(all).hasSize(threads * perThread);
      assertThat(seen).hasSize(threads * perThread);
      Set<ReturnId> expected = new HashSet<>();
      for (int i = 1; i <= threads * perThread; i++) {
        expected.add(ReturnId.of("R-" + i));
      }
      assertThat(seen).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("ReturnIdSource.random")
  class RandomIds {

    private List<ReturnId> draw(ReturnIdSource source, int count) {
      List<ReturnId> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(source.next());
      }
      return ids;
    }

    @Test
    @DisplayName("is deterministic for a seed and differs between seeds")
    void deterministicPerSeed() {
      List<ReturnId> first = draw(ReturnIdSource.random(new Random(42)), 100);
      List<ReturnId> again = draw(ReturnIdSource.random(new Random(42)), 100);
      List<ReturnId> other = draw(ReturnIdSource.random(new Random(43)), 100);

      assertThat(again).isEqualTo(first);
      assertThat(other).doesNotContainAnyElementsOf(first);
    }

    @Test
    @DisplayName("never repeats an id")
    void distinct() {
      List<ReturnId> ids = draw(ReturnIdSource.random(new Random(7)), 10_000);

      assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    @DisplayName("gives R- and a canonical version-4, IETF-variant UUID")
    void versionFourUuids() {
      for (ReturnId id : draw(ReturnIdSource.random(new Random(1)), 1000)) {
        assertThat(id.value()).startsWith("R-").hasSize(38);
        String text = id.value().substring(2);
        UUID uuid = UUID.fromString(text);

        assertThat(uuid.version()).as(text).isEqualTo(4);
        assertThat(uuid.variant()).as(text).isEqualTo(2);
        assertThat(uuid.toString()).isEqualTo(text);
      }
    }

    @Test
    @DisplayName("keeps the randomness outside the version and variant bits")
    void keepsRandomBits() {
      // Every one of the 122 random bits must vary: masking too much would shrink the id space.
      long highOr = 0;
      long highAnd = -1;
      long lowOr = 0;
      long lowAnd = -1;
      for (ReturnId id : draw(ReturnIdSource.random(new Random(3)), 2000)) {
        UUID uuid = UUID.fromString(id.value().substring(2));
        highOr |= uuid.getMostSignificantBits();
        highAnd &= uuid.getMostSignificantBits();
        lowOr |= uuid.getLeastSignificantBits();
        lowAnd &= uuid.getLeastSignificantBits();
      }

      assertThat(highOr ^ highAnd).isEqualTo(~0xF000L);
      assertThat(lowOr ^ lowAnd).isEqualTo(0x3FFFFFFFFFFFFFFFL);
    }

    @Test
    @DisplayName("refuses a null generator")
    void refusesNull() {
      assertThatNullPointerException().isThrownBy(() -> ReturnIdSource.random(null));
    }
  }
}
