package dev.returnkit.spi.storage;

/**
 * The quantities of one return line as it moves through the lifecycle.
 *
 * <p>Always {@code 0 <= received <= approved <= requested} and {@code 0 <= accepted <=
 * approved}. {@code accepted} is what the settlement pays for: after an inspection it is at most
 * what was received; for a returnless refund or a parcel lost in transit it is what was
 * approved, because no goods reach the warehouse.
 *
 * @param requested units the customer asked to return
 * @param approved units approved (0 for a rejected line)
 * @param received units the warehouse counted
 * @param accepted units accepted for settlement
 */
public record LineQuantities(int requested, int approved, int received, int accepted) {

  public LineQuantities {
    if (requested < 1) {
      throw new IllegalArgumentException("requested must be at least 1, got " + requested);
    }
    if (approved < 0 || approved > requested) {
      throw new IllegalArgumentException(
          "approved " + approved + " must be between 0 and requested " + requested);
    }
    if (received < 0 || received > approved) {
      throw new IllegalArgumentException(
          "received " + received + " must be between 0 and approved " + approved);
    }
    if (accepted < 0 || accepted > approved) {
      throw new IllegalArgumentException(
          "accepted " + accepted + " must be between 0 and approved " + approved);
    }
  }

  /**
   * The quantities of a freshly requested line.
   *
   * @param requested units requested
   * @return requested, nothing else yet
   */
  public static LineQuantities requested(int requested) {
    return new LineQuantities(requested, 0, 0, 0);
  }

  /**
   * These quantities with another approved count; nothing received or accepted yet (a verdict
   * is given before goods move).
   *
   * @param units units approved, at most those requested
   * @return the changed quantities
   */
  public LineQuantities approving(int units) {
    return new LineQuantities(requested, units, 0, 0);
  }

  /**
   * These quantities with what the warehouse counted; nothing accepted yet.
   *
   * @param units units received, at most those approved
   * @return the changed quantities
   */
  public LineQuantities receiving(int units) {
    return new LineQuantities(requested, approved, units, 0);
  }

  /**
   * These quantities with what is accepted for settlement.
   *
   * @param units units accepted, at most those approved
   * @return the changed quantities
   */
  public LineQuantities accepting(int units) {
    return new LineQuantities(requested, approved, received, units);
  }
}
