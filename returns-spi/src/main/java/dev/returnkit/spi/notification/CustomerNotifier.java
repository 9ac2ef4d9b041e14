package dev.returnkit.spi.notification;

/**
 * Tells the customer what happened to their return (DOMAIN.md, section 8: every state change
 * that matters to the customer produces a notification).
 *
 * <p><b>Idempotency:</b> returnkit sends each notification once after the case is stored; a
 * retried command may send it again with the same {@code notificationId}, which the host can use
 * to drop duplicates. <b>Thread-safety:</b> must be safe to call from many threads.
 * <b>Errors:</b> a failure is logged by returnkit and does not undo the command that caused it
 * (the case is already stored); hosts that need guaranteed delivery send from the event outbox.
 */
public interface CustomerNotifier {

  /**
   * Sends (or queues) a notification.
   *
   * @param notification what to tell whom
   */
  void send(CustomerNotification notification);
}
