package dev.returnkit.examples.howto.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.LineMoney;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Changing a number in the settings: a 10 % restocking fee")
class RestockingFeeExampleTest {

  @Test
  @DisplayName("the default keeps 15 % of a worn jacket's price")
  void defaultFee() {
    LineMoney money = RestockingFeeExample.wornJacketReturned(DroolsPolicies.defaults());

    assertThat(money.restockingFee()).isEqualTo(eur("18.00"));
    assertThat(money.paidOut()).isEqualTo(eur("96.05"));
  }

  @Test
  @DisplayName("the changed setting keeps 10 %, and the customer gets the difference")
  void changedFee() {
    LineMoney money = RestockingFeeExample.wornJacketReturned(RestockingFeeExample.policies());

    assertThat(money.restockingFee()).isEqualTo(eur("12.00"));
    assertThat(money.returnShippingCharge()).isEqualTo(eur("5.95"));
    assertThat(money.paidOut()).isEqualTo(eur("102.05"));
  }

  @Test
  @DisplayName("the settings file shipped with the examples says the same")
  void settingsFile() throws URISyntaxException {
    Path file = Path.of(Objects.requireNonNull(getClass().getClassLoader()
        .getResource("policies/lower-restocking-fee.properties")).toURI());

    LineMoney money = RestockingFeeExample.wornJacketReturned(
        DroolsPolicies.builder().settingsFile(file).build());

    assertThat(money.restockingFee()).isEqualTo(eur("12.00"));
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }
}
