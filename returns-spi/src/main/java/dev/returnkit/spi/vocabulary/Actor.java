package dev.returnkit.spi.vocabulary;

import dev.returnkit.spi.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who issued a command: a role and the host's identifier for the person or process. Recorded
 * in every history entry.
 *
 * <p>Like every input record, an actor is checked by Jakarta Validation when it reaches the
 * {@code Returns} facade, so a missing role or a blank id is reported with the other
 * violations instead of failing on construction.
 *
 * @param role the kind of party
 * @param id the host's identifier for it (a user name, a staff number, a job name)
 */
public record Actor(@NotNull ActorRole role, @NotBlank @PlainText @Size(max = 64) String id) {

  /** The actor returnkit itself uses for automatic steps. */
  public static final Actor SYSTEM = new Actor(ActorRole.SYSTEM, "returnkit");

  /**
   * A customer.
   *
   * @param id the customer's id
   * @return the actor
   */
  public static Actor customer(String id) {
    return new Actor(ActorRole.CUSTOMER, id);
  }

  /**
   * A customer-service agent.
   *
   * @param id the agent's id
   * @return the actor
   */
  public static Actor agent(String id) {
    return new Actor(ActorRole.AGENT, id);
  }

  /**
   * A supervisor.
   *
   * @param id the supervisor's id
   * @return the actor
   */
  public static Actor supervisor(String id) {
    return new Actor(ActorRole.SUPERVISOR, id);
  }

  /**
   * Warehouse staff.
   *
   * @param id the staff member's id
   * @return the actor
   */
  public static Actor warehouse(String id) {
    return new Actor(ActorRole.WAREHOUSE, id);
  }

  /**
   * An automated process of the host.
   *
   * @param id the process name
   * @return the actor
   */
  public static Actor system(String id) {
    return new Actor(ActorRole.SYSTEM, id);
  }

  @Override
  public String toString() {
    return role + ":" + id;
  }
}
