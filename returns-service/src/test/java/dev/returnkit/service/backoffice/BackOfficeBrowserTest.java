package dev.returnkit.service.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.Returns;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.service.ServiceTest;
import dev.returnkit.service.TestOrders;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ServiceTest
@DisplayName("The back office in a real browser")
class BackOfficeBrowserTest {

  private static final AtomicInteger ORDERS = new AtomicInteger();
  private static ChromeDriver browser;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ServiceTest.Database.fresh(registry);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  Returns returns;

  @Autowired
  InMemoryPorts shop;

  @Autowired
  Clock clock;

  private String order(String customer, String unitPrice) {
    return TestOrders.put(shop, clock, "O-B" + ORDERS.incrementAndGet(), customer, "home", 1,
        unitPrice);
  }

  private ReturnId request(String customer, String unitPrice) {
    return returns.request(ReturnRequest.byCustomer(order(customer, unitPrice), customer)
        .withLine("L-1", 1, ReturnReason.NOT_AS_DESCRIBED)).returnCase().id();
  }

  private void signInAs(String user) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    submit(browser.findElement(By.id("sign-in")));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/back-office/"));
  }

  /** Clicks a form's button and waits until the browser shows the page that answered. */
  private static void submit(WebElement button) {
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(button));
  }

  private List<String> queueIds() {
    return browser.findElements(By.cssSelector("#queue tbody tr")).stream()
        .map(row -> row.getAttribute("data-case")).toList();
  }

  private WebElement row(ReturnId id) {
    return browser.findElement(By.cssSelector("#queue tr[data-case='" + id.value() + "']"));
  }

  @Test
  @DisplayName("the queue lists the cases in review oldest first, with why, and a supervisor "
      + "approves and rejects from it")
  void workTheQueue() {
    ReturnId older = request("C-1002", "640.00");
    ReturnId newer = request("C-1003", "720.00");
    signInAs("supervisor");

    assertThat(browser.getCurrentUrl()).endsWith("/back-office/queue");
    List<String> ids = queueIds();
    assertThat(ids).containsSubsequence(older.value(), newer.value());
    assertThat(row(older).getText()).contains("HIGH_VALUE").contains("O-B")
        .contains("C-1002").contains("EUR 640.00");

    submit(row(older).findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("message")).getText())
        .isEqualTo(older.value() + " approved");
    assertThat(queueIds()).doesNotContain(older.value());
    assertThat(returns.find(older).orElseThrow().status()).isEqualTo(ReturnStatus.APPROVED);

    WebElement reject = row(newer);
    reject.findElement(By.name("reasonCode")).sendKeys("SUSPECTED_ABUSE");
    reject.findElement(By.name("note")).sendKeys("third this month");
    submit(reject.findElement(By.cssSelector("button.reject")));
    assertThat(browser.findElement(By.id("message")).getText())
        .isEqualTo(newer.value() + " rejected (SUSPECTED_ABUSE)");
    assertThat(returns.find(newer).orElseThrow().status()).isEqualTo(ReturnStatus.REJECTED);
    List<HistoryEntry> history = returns.history(newer);
    assertThat(history.get(history.size() - 1).note()).isEqualTo("third this month");
  }

  @Test
  @DisplayName("answers 404 for a case that does not exist, and refuses customers")
  void unknownCaseAndCustomers() {
    signInAs("agent");
    browser.get("http://localhost:" + port + "/back-office/cases/R-none");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("404")
        .doesNotContain("403");

    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.id("username")).sendKeys("C-1001");
    browser.findElement(By.id("password")).sendKeys("demo");
    submit(browser.findElement(By.id("sign-in")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("403");
  }

  @Test
  @DisplayName("shows the access policy's refusal on the page, and changes nothing")
  void refusalShown() {
    ReturnId id = request("C-1001", "660.00");
    signInAs("agent");
    submit(row(id).findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("error")).getText())
        .contains("access denied to AGENT:agent for approve");
    assertThat(returns.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(queueIds()).contains(id.value());
  }

  @Test
  @DisplayName("a case page shows lines, money per line and tender, the history with its "
      + "rules and reason codes, and that the history verifies; the search finds it")
  void casePageAndSearch() {
    String orderId = order("C-1001", "89.00");
    ReturnId id = returns.request(ReturnRequest.byCustomer(orderId, "C-1001")
        .withLine("L-1", 1, ReturnReason.DAMAGED_IN_TRANSIT)).returnCase().id();
    String tracking = returns.arrangeShipment(id, ShipmentOptions.label(
        Actor.customer("C-1001"))).returnCase().shipment().trackingNumber();
    returns.recordCarrierEvent(id, CarrierEvent.deliveredToWarehouse(tracking,
        clock.instant()), Actor.system("carrier"));
    returns.receive(id, GoodsReceipt.by(Actor.warehouse("warehouse")).withLine("L-1", 1));
    returns.inspect(id, InspectionReport.by(Actor.warehouse("warehouse"))
        .withLine("L-1", 1, ItemGrade.A));
    returns.settle(id, Actor.system("returnkit"));

    signInAs("supervisor");
    browser.findElement(By.id("search-q")).sendKeys(orderId);
    submit(browser.findElement(By.id("search-go")));
    WebElement result = browser.findElement(By.cssSelector("#results tbody tr"));
    assertThat(result.getText()).contains(id.value()).contains("COMPLETED");
    submit(result.findElement(By.linkText(id.value())));

    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("COMPLETED");
    assertThat(browser.findElement(By.cssSelector("#history tbody tr td.time")).getText())
        .as("times in UTC to the second")
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
    assertThat(browser.findElement(By.cssSelector("#lines tbody tr")).getText())
        .contains("L-1").contains("DAMAGED_IN_TRANSIT").contains("EUR 89.00");
    assertThat(browser.findElement(By.cssSelector("#tenders tbody tr")).getText())
        .contains("CARD PAY-" + orderId).contains("EUR 89.00");
    List<WebElement> history = browser.findElements(By.cssSelector("#history tbody tr"));
    assertThat(history).hasSize(returns.history(id).size());
    assertThat(history.get(0).getText()).contains("CUSTOMER:C-1001").contains("REQUEST")
        .contains("new → APPROVED").contains("eligibility/");
    assertThat(browser.findElement(By.id("verification")).getText())
        .startsWith("verifies: " + history.size() + " entries");
    save("case.png");

    browser.findElement(By.id("search-q")).sendKeys("C-1001");
    submit(browser.findElement(By.id("search-go")));
    assertThat(browser.findElements(By.cssSelector("#results tbody tr")).stream()
        .map(WebElement::getText)).anySatisfy(text -> assertThat(text).contains(id.value()));
  }

  /** Keeps a screenshot in target/screenshots for a person to look at. */
  private static byte[] save(String name) {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path file = Path.of("target", "screenshots", name);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png;
  }

  @Test
  @DisplayName("screenshot: the queue's table is laid out across the page with visible rows")
  void queueLayout() throws IOException {
    request("C-1002", "680.00");
    request("C-1003", "690.00");
    signInAs("supervisor");

    WebElement table = browser.findElement(By.id("queue"));
    assertThat(table.isDisplayed()).isTrue();
    assertThat(table.getSize().getWidth()).as("the table spans the page")
        .isGreaterThan(900);
    Long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
    assertThat(table.getLocation().getX() + table.getSize().getWidth())
        .as("the table fits the window: nothing to scroll sideways").isLessThanOrEqualTo(
            viewport.intValue());
    List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> {
      assertThat(row.isDisplayed()).isTrue();
      assertThat(row.getSize().getHeight()).as("a row a person can read").isBetween(20, 120);
    });
    WebElement header = browser.findElement(By.tagName("header"));
    assertThat(header.getLocation().getY()).isZero();
    assertThat(table.getLocation().getY()).as("the table below the header")
        .isGreaterThan(header.getSize().getHeight());

    byte[] png = save("review-queue.png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(1280);
    // A styled page: the header's dark blue at its top left, the table's white inside it.
    assertThat(image.getRGB(5, 5) & 0xFFFFFF).as("header colour").isEqualTo(0x1F3A5F);
    int x = table.getLocation().getX() + 5;
    int y = rows.get(0).getLocation().getY() + rows.get(0).getSize().getHeight() / 2;
    assertThat(y).as("the first row within the screenshot of " + image.getWidth() + "x"
        + image.getHeight()).isLessThan(image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int dx = 0; dx < table.getSize().getWidth() - 10; dx += 3) {
      colours.add(image.getRGB(x + dx, y) & 0xFFFFFF);
    }
    assertThat(colours).as("text drawn in the first row").hasSizeGreaterThan(3);
  }
}
