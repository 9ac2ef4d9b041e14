package dev.returnkit.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules returnkit ships: their DRL files (for reading, replacing and rebuilding) and their
 * KieBase precompiled at build time by the kie-maven-plugin (for starting fast).
 */
public final class DefaultRules {

  /** The name of the precompiled KieBase in {@code META-INF/kmodule.xml}. */
  public static final String KIE_BASE = "returnkit-defaults";

  /**
   * Where the kie-maven-plugin lists the executable-model classes it generated for this
   * module's rules.
   */
  static final String MODEL_INDEX = "META-INF/kie/dev.returnkit/returns-rules/drools-model";

  private static final Logger log = LoggerFactory.getLogger(DefaultRules.class);

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
      "dev/returnkit/rules/eligibility/advance-exchange.drl",
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
  private static volatile boolean fromModel;

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
   * <p>It is built straight from the generated model classes the kie-maven-plugin lists in
   * {@value #MODEL_INDEX}, not through a classpath KieContainer: that would scan the class path
   * for kmodule.xml files and parse them, which took about 0.65 s of a 1.3 s start (measured,
   * see docs/policies.md). Where the index is missing (the module was built without the
   * plugin, as some IDEs do) the rules are compiled from their DRL instead, with a warning.
   *
   * @return the shared KieBase
   */
  public static KieBase precompiled() {
    KieBase loaded = precompiled;
    if (loaded == null) {
      synchronized (DefaultRules.class) {
        loaded = precompiled;
        if (loaded == null) {
          Optional<KieBase> model = fromModelIndex();
          fromModel = model.isPresent();
          loaded = model.orElseGet(() -> {
            log.warn("{} is not on the class path: returns-rules was built without the "
                + "kie-maven-plugin, so the default rules are compiled now", MODEL_INDEX);
            return RuleSetCompiler.compile(sources());
          });
          precompiled = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * Whether the defaults in use came from the precompiled model (and not from compiling their
   * DRL because the model index was missing).
   *
   * @return true when nothing was compiled at start-up
   */
  public static boolean isPrecompiled() {
    precompiled();
    return fromModel;
  }

  private static Optional<KieBase> fromModelIndex() {
    ClassLoader loader = DefaultRules.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
      if (in == null) {
        return Optional.empty();
      }
      List<Model> models = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
          continue;
        }
        models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor()
            .newInstance());
      }
      return Optional.of(KieBaseBuilder.createKieBaseFromModel(models));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the precompiled rules listed in " + MODEL_INDEX
          + " cannot be loaded", e);
    }
  }
}
