package dev.returnkit.service.security;

import dev.returnkit.service.problem.Problems;
import dev.returnkit.spi.vocabulary.ActorRole;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. The API ({@code /api/**}) takes HTTP Basic on every request and keeps no
 * session, so it needs no CSRF token; the OpenAPI document and its UI are open. The back office
 * ({@code /back-office/**}) signs staff in with a form and a session, and its forms carry CSRF
 * tokens; customers are refused there. What each actor may do to a case is returnkit's access
 * policy, not a URL rule here: the service only makes sure there is a signed-in user to be the
 * actor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUsers.class)
public class SecurityConfiguration {

  /**
   * The API's filter chain.
   *
   * @param http the builder
   * @return the chain
   * @throws Exception as Spring Security's builder may
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/**").authenticated()
            .anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .sessionManagement(session -> session.sessionCreationPolicy(
            org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) -> Problems.write(response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in",
                "this endpoint needs a user of the service (HTTP Basic)",
                "Basic realm=\"returnkit\""))
            .accessDeniedHandler((request, response, e) -> Problems.write(response,
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), null)))
        .build();
  }

  /**
   * The back office's filter chain: everything outside the API. Staff sign in at
   * {@code /login}; a customer who signs in gets 403.
   *
   * @param http the builder
   * @return the chain
   * @throws Exception as Spring Security's builder may
   */
  @Bean
  @Order(2)
  SecurityFilterChain backOfficeSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            // /error too: a page's 404 is rendered there, and must not turn into a 403.
            .requestMatchers("/login", "/back-office.css", "/error").permitAll()
            .requestMatchers("/", "/back-office/**").hasAnyRole(ActorRole.AGENT.name(),
                ActorRole.SUPERVISOR.name(), ActorRole.WAREHOUSE.name())
            .anyRequest().denyAll())
        .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/back-office", true)
            .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
        .build();
  }

  /**
   * The configured users, each with the one role authority {@link CurrentActor} reads.
   *
   * @param users {@code returnkit.service.users}
   * @return the user store
   * @throws IllegalStateException naming every user without a password or a role
   */
  @Bean
  UserDetailsService serviceUserDetails(ServiceUsers users) {
    List<UserDetails> details = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    users.getUsers().forEach((name, user) -> {
      if (user.getPassword() == null || user.getRole() == null) {
        incomplete.add(name);
        return;
      }
      details.add(User.withUsername(name).password(user.getPassword())
          .authorities(CurrentActor.ROLE_PREFIX + user.getRole().name()).build());
    });
    if (!incomplete.isEmpty()) {
      throw new IllegalStateException("returnkit.service.users: " + String.join(", ", incomplete)
          + " need both a password and a role");
    }
    return new InMemoryUserDetailsManager(details);
  }

  /**
   * Passwords in any of Spring Security's encodings, named in braces ({@code {bcrypt}...}).
   *
   * @return the encoder
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
