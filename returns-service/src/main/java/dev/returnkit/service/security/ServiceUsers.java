package dev.returnkit.service.security;

import dev.returnkit.spi.vocabulary.ActorRole;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnkit.service.users.<name>.*}: who may sign in to the service, and as what. The
 * name is the actor's id in every history entry the user causes; a customer's name is their
 * customer id, which is how the access policy knows their own orders and cases.
 *
 * <pre>
 * returnkit.service.users.agent-anna.password={bcrypt}$2a$10$...
 * returnkit.service.users.agent-anna.role=agent
 * returnkit.service.users.C-1001.password={noop}demo
 * returnkit.service.users.C-1001.role=customer
 * </pre>
 */
@ConfigurationProperties("returnkit.service")
public class ServiceUsers {

  private Map<String, User> users = new LinkedHashMap<>();

  /** @return the users by name */
  public Map<String, User> getUsers() {
    return users;
  }

  /** @param users the users by name */
  public void setUsers(Map<String, User> users) {
    this.users = users;
  }

  /** One user: a password and the role they act in. */
  public static class User {

    /** The password, with its encoding in braces: {bcrypt}..., or {noop}... for a demo. */
    private String password;

    /** The role: customer, agent, supervisor, warehouse or system (the carrier's webhook). */
    private ActorRole role;

    /** @return the encoded password */
    public String getPassword() {
      return password;
    }

    /** @param password the encoded password */
    public void setPassword(String password) {
      this.password = password;
    }

    /** @return the role */
    public ActorRole getRole() {
      return role;
    }

    /** @param role the role */
    public void setRole(ActorRole role) {
      this.role = role;
    }
  }
}
