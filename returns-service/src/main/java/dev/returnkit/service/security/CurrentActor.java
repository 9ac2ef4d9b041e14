package dev.returnkit.service.security;

import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The returnkit actor of a signed-in user: their role from their one {@code ROLE_*} authority,
 * their id from their name. The actor always comes from here, never from a request's body, so a
 * customer cannot act as an agent by saying so.
 */
public final class CurrentActor {

  /** The prefix of the role authorities the service grants. */
  static final String ROLE_PREFIX = "ROLE_";

  private CurrentActor() {}

  /**
   * The actor of an authentication.
   *
   * @param authentication a signed-in user
   * @return the actor
   * @throws IllegalStateException if the user has no returnkit role (not a user of this
   *     service's configuration)
   */
  public static Actor of(Authentication authentication) {
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(ROLE_PREFIX)) {
        ActorRole role = ActorRole.valueOf(name.substring(ROLE_PREFIX.length()));
        return new Actor(role, authentication.getName());
      }
    }
    throw new IllegalStateException("user " + authentication.getName() + " has no returnkit role");
  }
}
