package dev.returnkit.rules.engine;

import dev.returnkit.rules.fact.AdvanceExchangeGrant;
import dev.returnkit.rules.fact.DispositionChoice;
import dev.returnkit.rules.fact.DispositionLine;
import dev.returnkit.rules.fact.EligibilityCase;
import dev.returnkit.rules.fact.EligibilityLine;
import dev.returnkit.rules.fact.ItemRefund;
import dev.returnkit.rules.fact.LiabilityFinding;
import dev.returnkit.rules.fact.LiabilityLine;
import dev.returnkit.rules.fact.OutboundShippingRefund;
import dev.returnkit.rules.fact.RestockingFee;
import dev.returnkit.rules.fact.ReturnShippingCharge;
import dev.returnkit.rules.fact.ReturnlessGrant;
import dev.returnkit.rules.fact.SettlementCase;
import dev.returnkit.rules.fact.SettlementLine;
import dev.returnkit.rules.fact.SettlementMethod;
import dev.returnkit.rules.fact.ShippingPayerChoice;
import dev.returnkit.rules.fact.Verdict;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule file may name: the facts the rules match and insert, the settings, and the
 * vocabulary's constants, each with the import line it needs and its fields. Used to explain a
 * rule file's mistakes in a policy owner's words (a missing import names the line to add; an
 * unknown field lists the fact's fields). Stateless.
 */
public final class RuleVocabulary {

  /** Every type a rule file may import, by simple name. */
  private static final Map<String, Class<?>> TYPES = collect();
  /** Methods every object has, which are no fields of a fact. */
  private static final Set<String> NOT_FIELDS = Set.of("hashCode", "toString", "getClass",
      "notify", "notifyAll", "wait", "equals");

  private RuleVocabulary() {}

  private static Map<String, Class<?>> collect() {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (Class<?> type : List.of(EligibilityLine.class, EligibilityCase.class, Verdict.class,
        ReturnlessGrant.class, AdvanceExchangeGrant.class, ShippingPayerChoice.class,
        LiabilityLine.class, LiabilityFinding.class, DispositionLine.class,
        DispositionChoice.class, SettlementLine.class, SettlementCase.class, ItemRefund.class,
        RestockingFee.class, ReturnShippingCharge.class, OutboundShippingRefund.class,
        SettlementMethod.class, PolicySettings.class, ReturnReason.class, ReasonFamily.class,
        Resolution.class, Liability.class, Disposition.class, InspectionFinding.class,
        ItemGrade.class, ReturnShippingPayer.class)) {
      types.put(type.getSimpleName(), type);
    }
    return Collections.unmodifiableMap(types);
  }

  /**
   * The types a rule file may import, by simple name.
   *
   * @return the types
   */
  public static Map<String, Class<?>> types() {
    return TYPES;
  }

  /**
   * A type a rule file may import.
   *
   * @param simpleName its name as a rule writes it, e.g. {@code EligibilityLine}
   * @return the type, or empty if rules know none by that name
   */
  public static Optional<Class<?>> type(String simpleName) {
    return Optional.ofNullable(TYPES.get(simpleName));
  }

  /**
   * What a rule may read from a fact: its fields, then its helpers without parameters (such
   * as {@code amount}), in declaration order.
   *
   * @param fact the fact's type
   * @return the names
   */
  public static List<String> fieldsOf(Class<?> fact) {
    List<String> names = new ArrayList<>();
    if (fact.isRecord()) {
      for (RecordComponent component : fact.getRecordComponents()) {
        names.add(component.getName());
      }
    }
    for (Method method : fact.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0 && method.getReturnType() != void.class
          && !NOT_FIELDS.contains(method.getName()) && !names.contains(method.getName())) {
        names.add(method.getName());
      }
    }
    return names;
  }
}
