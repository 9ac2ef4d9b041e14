package dev.returnkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.LineVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Comparing two policies over the same month")
class PolicyComparisonTest {

  private static final int CASES = 300;
  private static final long SEED = 11;

  private static SimulationResult defaults;
  private static SimulationResult shorterElectronics;

  @BeforeAll
  static void runBoth(@TempDir Path dir) throws IOException {
    Path settings = dir.resolve("electronics-15.properties");
    Files.writeString(settings, "return-window.days.electronics = 15\n");
    defaults = Demo.run(new Demo.Options(CASES, SEED, null, null), DemoListener.SILENT);
    shorterElectronics = Demo.run(new Demo.Options(CASES, SEED, null, settings),
        DemoListener.SILENT);
  }

  @Test
  @DisplayName("finds every electronics line the 15-day window now rejects, and nothing for the "
      + "same policy twice")
  void windowChange() {
    // Worked out from the month itself, not from the comparison: electronics lines not
    // rejected under the defaults, asked for on day 16 to 30 after delivery.
    Map<String, OrderSnapshot> orders = defaults.shop().orders().stream()
        .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
    long expected = 0;
    for (ReturnCaseSnapshot c : defaults.cases()) {
      OrderSnapshot order = orders.get(c.orderId().value());
      if (order.deliveredAt() == null) {
        continue;
      }
      long days = Duration.between(order.deliveredAt(), c.requestedAt()).toDays();
      for (ReturnLineSnapshot line : c.lines()) {
        if (line.category().equals("electronics") && line.verdict() != LineVerdict.REJECTED
            && days > 15 && days <= 30) {
          expected++;
        }
      }
    }
    assertThat(expected).as("the month has such lines").isGreaterThan(5);

    PolicyComparison comparison = PolicyComparison.of(defaults, shorterElectronics);

    ReportTable changes = table(comparison, "changes");
    long nowExpired = changes.rows().stream()
        .filter(r -> r.get(0).endsWith("-> REJECTED RETURN_WINDOW_EXPIRED"))
        .mapToLong(r -> Long.parseLong(r.get(1).replace(",", ""))).sum();
    assertThat(nowExpired).isEqualTo(expected);
    assertThat(changes.rows()).filteredOn(r -> r.get(0).endsWith("RETURN_WINDOW_EXPIRED"))
        .allSatisfy(r -> assertThat(r.get(2)).contains("(electronics, ")
            .matches("R-\\d{6} .*"));
    assertThat(comparison.linesCompared()).isEqualTo(
        defaults.cases().stream().mapToInt(c -> c.lines().size()).sum());
    assertThat(comparison.linesChanged()).isGreaterThanOrEqualTo((int) expected);

    PolicyComparison same = PolicyComparison.of(defaults, defaults);
    assertThat(same.linesChanged()).isZero();
    assertThat(table(same, "changes").rows()).isEmpty();
    assertThat(table(same, "outcomes").rows()).allSatisfy(r -> assertThat(r.get(3))
        .isEqualTo("0"));
    assertThat(table(same, "money").rows()).allSatisfy(r -> assertThat(r.get(3))
        .isEqualTo("EUR 0.00"));
    assertThat(table(same, "categories").caption()).isEqualTo("No category changed.");
  }

  @Test
  @DisplayName("counts the rejected at request, the electronics approved and the money per "
      + "policy, with their change")
  void tables() {
    PolicyComparison comparison = PolicyComparison.of(defaults, shorterElectronics);

    ReportTable outcomes = table(comparison, "outcomes");
    List<String> rejected = outcomes.rows().stream()
        .filter(r -> r.get(0).equals(ReturnsReport.REJECTED_AT_REQUEST)).findFirst()
        .orElseThrow();
    int underA = ReturnsReport.of(defaults).paths().get(ReturnsReport.REJECTED_AT_REQUEST);
    int underB = ReturnsReport.of(shorterElectronics).paths()
        .get(ReturnsReport.REJECTED_AT_REQUEST);
    assertThat(underB).isGreaterThan(underA);
    assertThat(rejected).containsExactly(ReturnsReport.REJECTED_AT_REQUEST,
        String.valueOf(underA), String.valueOf(underB), "+" + (underB - underA));

    List<String> electronics = table(comparison, "categories").rows().stream()
        .filter(r -> r.get(0).equals("electronics")).findFirst().orElseThrow();
    long approvedA = approved(defaults, "electronics");
    long approvedB = approved(shorterElectronics, "electronics");
    assertThat(electronics.subList(2, 4)).containsExactly(String.valueOf(approvedA),
        String.valueOf(approvedB));
    assertThat(electronics.get(6)).startsWith("EUR -");

    List<String> refunded = table(comparison, "money").rows().get(0);
    assertThat(refunded.get(0)).isEqualTo("Refunded");
    assertThat(refunded.get(1)).isEqualTo(Formats.money(ReturnsReport.of(defaults).money()
        .refunded()));
  }

  @Test
  @DisplayName("refuses two runs that are not of the same month")
  void differentMonths() {
    SimulationResult other = Demo.run(new Demo.Options(CASES, SEED + 1, null, null),
        DemoListener.SILENT);
    SimulationResult shorter = Demo.run(new Demo.Options(CASES - 1, SEED, null, null),
        DemoListener.SILENT);

    assertThatThrownBy(() -> PolicyComparison.of(defaults, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the runs are not of the same month: R-000001 is ");
    assertThatThrownBy(() -> PolicyComparison.of(defaults, shorter))
        .hasMessage("the runs are not of the same month: 300 cases under A, 299 under B");
  }

  @Test
  @DisplayName("writes money changes with their sign, plain in CSV")
  void signedMoney() {
    assertThat(PolicyComparison.signed(dev.returnkit.spi.money.Money.of("1234.50", "EUR")))
        .isEqualTo("EUR +1,234.50");
    assertThat(PolicyComparison.signed(dev.returnkit.spi.money.Money.of("-3.50", "EUR")))
        .isEqualTo("EUR -3.50");
    assertThat(PolicyComparison.signed(dev.returnkit.spi.money.Money.of("0.00", "EUR")))
        .isEqualTo("EUR 0.00");
    ReportTable money = new ReportTable("m", "M", null, List.of("", ">change"),
        List.of(List.of("a", "EUR +1,234.50"), List.of("b", "+12")));
    // A column of money and a count: the numbers plain, their units beside them.
    assertThat(money.toCsv()).isEqualTo(",change,change unit\na,1234.50,EUR\nb,12,\n");
  }

  private static long approved(SimulationResult result, String category) {
    return result.cases().stream().flatMap(c -> c.lines().stream())
        .filter(l -> l.category().equals(category) && l.verdict() == LineVerdict.APPROVED)
        .count();
  }

  private static ReportTable table(PolicyComparison comparison, String slug) {
    return comparison.tables().stream().filter(t -> t.slug().equals(slug)).findFirst()
        .orElseThrow();
  }
}
