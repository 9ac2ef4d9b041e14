package dev.returnkit.spi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The money of an order")
class OrderMoneyTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static OrderSnapshot.Builder order() {
    return OrderSnapshot.builder("O-1", "C-1", "EUR").placedAt(T0);
  }

  @Nested
  @DisplayName("shares order discounts over the lines")
  class Discounts {

    @Test
    @DisplayName("3 x EUR 100 with a 10 % coupon: the line paid EUR 270.00, EUR 30.00 off")
    void coupon() {
      OrderSnapshot o = order().line("1", "SHIRT", "apparel", 3, "100.00")
          .orderDiscount("TEN-PERCENT", "30.00").paymentReference("PSP-1").build();

      OrderLine line = o.lines().get(0);
      assertThat(line.paid()).isEqualTo(eur("270.00"));
      assertThat(line.orderDiscountShare()).isEqualTo(eur("30.00"));
      assertThat(line.value()).isEqualTo(new LineValue(eur("270.00"), eur("0.00"),
          eur("30.00")));
      assertThat(o.tenders()).containsExactly(new Tender(TenderType.CARD, "PSP-1",
          eur("270.00")));
    }

    @Test
    @DisplayName("EUR 10 off orders of EUR 100 or more over A 60 and B 50: 5.45 and 4.55, "
        + "EUR 100.00 paid")
    void promotion() {
      OrderSnapshot o = order().line("A", "A", "home", 1, "60.00")
          .line("B", "B", "home", 1, "50.00").promotion("TEN-OFF-100", "10.00", "100.00")
          .paymentReference("PSP-1").build();

      assertThat(o.lines()).extracting(OrderLine::paid)
          .containsExactly(eur("54.55"), eur("45.45"));
      assertThat(o.lines()).extracting(l -> l.discountShare("TEN-OFF-100"))
          .containsExactly(eur("5.45"), eur("4.55"));
      assertThat(o.discounts().get(0).threshold()).contains(eur("100.00"));
      assertThat(o.subtotal()).isEqualTo(eur("110.00"));
      assertThat(o.totalPaid()).isEqualTo(eur("100.00"));
    }

    @Test
    @DisplayName("shares in proportion to the lines after their own discounts")
    void afterLineDiscounts() {
      OrderSnapshot o = order().line("1", "A", "home", 1, "100.00").lineDiscount("50.00")
          .line("2", "B", "home", 1, "50.00").orderDiscount("C", "10.00")
          .paymentReference("PSP-1").build();

      assertThat(o.lines()).extracting(l -> l.discountShare("C"))
          .containsExactly(eur("5.00"), eur("5.00"));
      assertThat(o.lines().get(0).value().discount()).isEqualTo(eur("55.00"));
    }

    @Test
    @DisplayName("keeps the shares a host gives, and refuses shares that do not add up")
    void hostShares() {
      OrderSnapshot o = order().line("A", "A", "home", 1, "60.00").discountShare("P", "6.00")
          .line("B", "B", "home", 1, "50.00").discountShare("P", "4.00")
          .promotion("P", "10.00", "100.00").paymentReference("PSP-1").build();
      assertThat(o.lines()).extracting(l -> l.discountShare("P"))
          .containsExactly(eur("6.00"), eur("4.00"));

      assertThatIllegalArgumentException().isThrownBy(() -> order()
              .line("A", "A", "home", 1, "60.00").discountShare("P", "6.00")
              .line("B", "B", "home", 1, "50.00").discountShare("P", "3.99")
              .promotion("P", "10.00", "100.00").paymentReference("PSP-1").build())
          .withMessage("order O-1 discount P takes off EUR 10.00 but its shares on the lines add"
              + " up to EUR 9.99");
      assertThatIllegalArgumentException().isThrownBy(() -> order()
              .line("A", "A", "home", 1, "60.00").discountShare("Q", "6.00")
              .paymentReference("PSP-1").build())
          .withMessage("order O-1 line A has a share of discount Q, which the order does not "
              + "have");
    }
  }

  @Nested
  @DisplayName("works out tax")
  class Tax {

    @Test
    @DisplayName("included in the price: JPY 1,100 at 10 % holds JPY 100")
    void inclusive() {
      OrderLine line = OrderSnapshot.builder("O-1", "C-1", "JPY").placedAt(T0)
          .line("1", "KETTLE", "home", 1, "1100").taxRate("10").paymentReference("PSP-1")
          .build().lines().get(0);

      assertThat(line.tax()).isEqualTo(Money.of("100", "JPY"));
      assertThat(line.paid()).isEqualTo(Money.of("1100", "JPY"));
      assertThat(line.value().net()).isEqualTo(Money.of("1000", "JPY"));
    }

    @Test
    @DisplayName("added to the price: EUR 21.73 at 7 % pays EUR 23.25; KWD keeps three decimals "
        + "and rounds half-even (0.9125 is 0.912)")
    void exclusive() {
      OrderLine line = order().taxExcluded().line("1", "SCARF", "apparel", 1, "21.73")
          .taxRate("7").paymentReference("PSP-1").build().lines().get(0);
      assertThat(line.tax()).isEqualTo(eur("1.52"));
      assertThat(line.paid()).isEqualTo(eur("23.25"));

      OrderLine kwd = OrderSnapshot.builder("O-2", "C-1", "KWD").placedAt(T0).taxExcluded()
          .line("1", "OUD", "perfume", 2, "9.125").taxRate("5").paymentReference("PSP-2")
          .build().lines().get(0);
      assertThat(kwd.tax()).isEqualTo(Money.of("0.912", "KWD"));
      assertThat(kwd.paid()).isEqualTo(Money.of("19.162", "KWD"));
    }

    @Test
    @DisplayName("takes the host's tax amount over the rate, and refuses a paid amount that "
        + "does not add up")
    void hostAmounts() {
      OrderLine line = order().taxExcluded().line("1", "A", "home", 1, "10.00").taxRate("19")
          .tax("1.89").paymentReference("PSP-1").build().lines().get(0);
      assertThat(line.tax()).isEqualTo(eur("1.89"));
      assertThat(line.paid()).isEqualTo(eur("11.89"));

      assertThatIllegalArgumentException().isThrownBy(() -> order().taxExcluded()
              .line("1", "A", "home", 1, "10.00").taxRate("19").paid("11.00")
              .paymentReference("PSP-1").build())
          .withMessage("order O-1 line 1 says EUR 11.00 was paid, but its list value EUR 10.00"
              + " less discounts EUR 0.00 plus tax EUR 1.90 is EUR 11.90");
    }
  }

  @Nested
  @DisplayName("takes several tenders")
  class Tenders {

    @Test
    @DisplayName("a gift card and a card that together captured the order")
    void split() {
      OrderSnapshot o = order().line("1", "A", "home", 1, "120.00")
          .tender(TenderType.GIFT_CARD, "GC-1", "20.00").tender(TenderType.CARD, "PSP-1",
              "100.00").build();

      assertThat(o.tenders()).extracting(Tender::type)
          .containsExactly(TenderType.GIFT_CARD, TenderType.CARD);
      assertThat(o.tender("GC-1")).hasValueSatisfying(
          t -> assertThat(t.captured()).isEqualTo(eur("20.00")));
      assertThat(o.tender("nope")).isEmpty();
    }

    @Test
    @DisplayName("refuses tenders that do not capture the order's total, repeated references, "
        + "and a payment reference beside tenders")
    void refusals() {
      assertThatIllegalArgumentException().isThrownBy(() -> order()
              .line("1", "A", "home", 1, "120.00").shipping("4.95")
              .tender(TenderType.CARD, "PSP-1", "120.00").build())
          .withMessage("order O-1 cost EUR 124.95 (lines and shipping) but its tenders captured"
              + " EUR 120.00");
      assertThatIllegalArgumentException().isThrownBy(() -> order()
              .line("1", "A", "home", 1, "120.00").tender(TenderType.CARD, "PSP-1", "60.00")
              .tender(TenderType.WALLET, "PSP-1", "60.00").build())
          .withMessage("order O-1 has tender PSP-1 twice");
      assertThatIllegalStateException().isThrownBy(() -> order()
              .line("1", "A", "home", 1, "120.00").paymentReference("PSP-1")
              .tender(TenderType.CARD, "PSP-2", "120.00").build())
          .withMessageContaining("a payment reference and tenders");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Tender(TenderType.CARD, "PSP-1", eur("0.00")));
    }

    @Test
    @DisplayName("an order that cost nothing needs no tender")
    void free() {
      OrderSnapshot o = order().line("1", "SAMPLE", "home", 1, "0.00")
          .paymentReference("PSP-1").build();
      assertThat(o.tenders()).isEmpty();
    }
  }

  @Nested
  @DisplayName("checks a line")
  class Lines {

    @Test
    @DisplayName("refuses discounts above the list value, tax above what was paid, a negative "
        + "rate and a discount share given twice")
    void refusals() {
      OrderLineId id = OrderLineId.of("1");
      Sku sku = Sku.of("A");
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(id, sku, "home", 1,
          eur("10.00"), eur("11.00"), List.of(), BigDecimal.ZERO, eur("0"), eur("0"), false))
          .withMessage("order line 1 has discounts above its list value EUR 10.00");
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(id, sku, "home", 1,
          eur("10.00"), eur("0"), List.of(), BigDecimal.TEN, eur("10.01"), eur("10.00"), false))
          .withMessage("order line 1 has tax EUR 10.01 above what was paid for it, EUR 10.00");
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(id, sku, "home", 1,
          eur("10.00"), eur("0"), List.of(), BigDecimal.valueOf(-1), eur("0"), eur("10.00"),
          false)).withMessageContaining("negative tax rate");
      assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(id, sku, "home", 1,
          eur("10.00"), eur("0"), List.of(new DiscountShare("C", eur("1.00")),
              new DiscountShare("C", eur("1.00"))), BigDecimal.ZERO, eur("0"), eur("8.00"),
          false)).withMessage("order line 1 has a discount share twice");
    }

    @Test
    @DisplayName("weighs the first units of a line, and a request above what was bought as all")
    void paidFor() {
      OrderLine line = order().line("1", "A", "home", 3, "10.00").orderDiscount("C", "0.01")
          .paymentReference("PSP-1").build().lines().get(0);
      assertThat(line.paid()).isEqualTo(eur("29.99"));
      assertThat(line.paidFor(1)).isEqualTo(eur("9.99"));
      assertThat(line.paidFor(3)).isEqualTo(eur("29.99"));
      assertThat(line.paidFor(4)).isEqualTo(eur("29.99"));
      assertThat(line.paidFor(0)).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("details apply to the last line added by price, and need one")
    void detailsNeedALine() {
      assertThatIllegalStateException().isThrownBy(() -> order().taxRate("19"))
          .withMessageContaining("taxRate applies to the line added last");
    }
  }

  @Nested
  @DisplayName("refuses money in another currency and shares what a host left out")
  class Mixed {

    @Test
    @DisplayName("a line amount, a discount share, an order discount or a tender in another "
        + "currency is refused, naming it")
    void currencies() {
      OrderLineId id = OrderLineId.of("1");
      Sku sku = Sku.of("A");
      Money usd = Money.of("1.00", "USD");
      assertThatThrownBy(() -> new OrderLine(id, sku, "home", 1, eur("10.00"), usd, List.of(),
          BigDecimal.ZERO, eur("0"), eur("9.00"), false))
          .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("order line 1");
      assertThatThrownBy(() -> new OrderLine(id, sku, "home", 1, eur("10.00"), eur("0"),
          List.of(new DiscountShare("C", usd)), BigDecimal.ZERO, eur("0"), eur("9.00"), false))
          .isInstanceOf(CurrencyMismatchException.class);
      OrderSnapshot o = order().line("1", "A", "home", 1, "10.00").paymentReference("P")
          .build();
      assertThatThrownBy(() -> new OrderSnapshot(o.id(), o.customerId(), o.currency(),
          o.placedAt(), null, o.lines(), o.shippingPaid(), TaxMode.INCLUSIVE, List.of(),
          List.of(new Tender(TenderType.GIFT_CARD, "GC-1", usd))))
          .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("tender GC-1");
      assertThatThrownBy(() -> new OrderSnapshot(o.id(), o.customerId(), o.currency(),
          o.placedAt(), null, o.lines(), o.shippingPaid(), TaxMode.INCLUSIVE,
          List.of(new OrderDiscount("C", usd, null)), o.tenders()))
          .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("discount C");
    }

    @Test
    @DisplayName("a discount the host shared is kept while another is shared by returnkit; a "
        + "line given whole gets no share; tax included is the default, and can be set again")
    void partlyShared() {
      OrderLine given = new OrderLine(OrderLineId.of("G"), Sku.of("G"), "home", 1,
          eur("40.00"), false);
      OrderSnapshot o = order().taxExcluded().taxIncluded().line(given)
          .line("A", "A", "home", 1, "60.00").discountShare("P", "6.00")
          .line("B", "B", "home", 1, "40.00").discountShare("P", "4.00")
          .promotion("P", "10.00", "100.00").orderDiscount("Q", "5.00")
          .tender(TenderType.CARD, "PSP-1", "125.00").build();

      assertThat(o.taxMode()).isEqualTo(TaxMode.INCLUSIVE);
      assertThat(o.lines()).extracting(l -> l.discountShare("P"))
          .containsExactly(eur("0.00"), eur("6.00"), eur("4.00"));
      assertThat(o.lines()).extracting(l -> l.discountShare("Q"))
          .containsExactly(eur("0.00"), eur("3.00"), eur("2.00"));
      assertThat(o.lines().get(1).discountShare("NONE")).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("building twice builds the same order")
    void buildsTwice() {
      OrderSnapshot.Builder builder = order().line("A", "A", "home", 1, "60.00")
          .line("B", "B", "home", 1, "50.00").promotion("P", "10.00", "100.00")
          .paymentReference("PSP-1");

      assertThat(builder.build()).isEqualTo(builder.build());
    }
  }
}
