package dev.returnkit.spi.notification;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import java.util.Map;
import java.util.Objects;

/**
 * A message for the customer about their return. returnkit chooses the template and its
 * parameters; the host renders and sends it (e-mail, SMS, app).
 *
 * @param notificationId unique per notification (derived from the event that caused it), so a
 *     host can drop duplicates
 * @param customerId who to tell
 * @param returnId the case
 * @param templateId the template, e.g. {@code return.approved}
 * @param parameters values for the template, e.g. {@code trackingNumber}
 */
public record CustomerNotification(
    String notificationId,
    CustomerId customerId,
    ReturnId returnId,
    String templateId,
    Map<String, String> parameters) {

  public CustomerNotification {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(templateId, "templateId");
    parameters = Map.copyOf(parameters);
  }
}
