package dev.returnkit.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * The rules returnkit ships: their DRL files (for reading, replacing and rebuilding) and their
 * KieBase precompiled at build time by the kie-maven-plugin (for starting fast).
 */
public final class DefaultRules {

  /** The name of the precompiled KieBase in {@code META-INF/kmodule.xml}. */
  public static final String KIE_BASE = "returnkit-defaults";

  /**
   * The logical paths of the default rule files, as they are on the class path. A host replaces
   * one by giving a file at the same path. DefaultRulesTest keeps this list equal to the files.
   */
  public static final List<String> FILES = List.of(
      "dev/returnkit/rules/eligibility/not-delivered.drl",
      "dev/returnkit/rules/eligibility/non-returnable.drl",
      "dev/returnkit/rules/eligibility/return-window.drl",
      "dev/returnkit/rules/eligibility/quantity.drl",
      "dev/returnkit/rules/eligibility/manual-review.drl",
      "dev/returnkit/rules/eligibility/returnless-refund.drl",
      "dev/returnkit/rules/eligibility/return-shipping.drl",
      "dev/returnkit/rules/eligibility/eligible.drl",
      "dev/returnkit/rules/liability/lost-in-transit.drl",
      "dev/returnkit/rules/liability/transit-damage.drl",
      "dev/returnkit/rules/liability/fulfilment.drl",
      "dev/returnkit/rules/liability/functional-fault.drl",
      "dev/returnkit/rules/liability/customer.drl",
      "dev/returnkit/rules/liability/default.drl",
      "dev/returnkit/rules/disposition/scrap.drl",
      "dev/returnkit/rules/disposition/repair.drl",
      "dev/returnkit/rules/disposition/grading.drl",
      "dev/returnkit/rules/settlement/item-refund.drl",
      "dev/returnkit/rules/settlement/restocking-fee.drl",
      "dev/returnkit/rules/settlement/shipping.drl");

  private static volatile KieBase precompiled;

  private DefaultRules() {}

  /**
   * The default rule files' text, by logical path.
   *
   * @return the sources, in {@link #FILES} order
   */
  public static Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String file : FILES) {
      try (InputStream in = DefaultRules.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("default rule file " + file
              + " is missing from the class path");
        }
        sources.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  /**
   * The KieBase of the default rules, precompiled into the jar: built once per JVM from the
   * executable model, with no DRL compiled.
   *
   * @return the shared KieBase
   */
  public static KieBase precompiled() {
    KieBase loaded = precompiled;
    if (loaded == null) {
      synchronized (DefaultRules.class) {
        loaded = precompiled;
        if (loaded == null) {
          loaded = KieServices.get()
              .getKieClasspathContainer(DefaultRules.class.getClassLoader())
              .getKieBase(KIE_BASE);
          precompiled = loaded;
        }
      }
    }
    return loaded;
  }
}
