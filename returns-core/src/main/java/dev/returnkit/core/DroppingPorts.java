package dev.returnkit.core;

import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.notification.CustomerNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link Returns} uses when the host gives no customer notifier or no event publisher:
 * ports that drop what they are given, logging it at debug. The only two ports that may be left
 * out: a shop can start without telling customers or a broker, but not without storage,
 * orders, a carrier, payments or inventory.
 */
final class DroppingPorts {

  private static final Logger log = LoggerFactory.getLogger(DroppingPorts.class);

  private DroppingPorts() {}

  static CustomerNotifier notifier() {
    return notification -> log.debug("No customer notifier: dropped {} for return case {}",
        notification.templateId(), notification.returnId());
  }

  static ReturnEventPublisher publisher() {
    return events -> log.debug("No event publisher: dropped {} event(s) of return case {}",
        events.size(), events.get(0).returnId());
  }
}
