package dev.returnkit.core.inmemory;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.notification.CustomerNotification;
import dev.returnkit.spi.notification.CustomerNotifier;
import java.util.ArrayList;
import java.util.List;

/** A {@link CustomerNotifier} that keeps every notification in memory. Thread-safe. */
public final class InMemoryCustomerNotifier implements CustomerNotifier {

  // Guarded by this: a copy-on-write list copied every notification on each send.
  private final List<CustomerNotification> sent = new ArrayList<>();

  /** Nothing sent yet. */
  public InMemoryCustomerNotifier() {}

  @Override
  public synchronized void send(CustomerNotification notification) {
    sent.add(notification);
  }

  /**
   * Every notification, in order.
   *
   * @return the notifications
   */
  public synchronized List<CustomerNotification> sent() {
    return List.copyOf(sent);
  }

  /**
   * The templates sent about one case, in order.
   *
   * @param returnId the case
   * @return the template ids
   */
  public synchronized List<String> templatesFor(ReturnId returnId) {
    return sent.stream().filter(n -> n.returnId().equals(returnId))
        .map(CustomerNotification::templateId).toList();
  }
}
