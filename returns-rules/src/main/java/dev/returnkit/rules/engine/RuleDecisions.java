package dev.returnkit.rules.engine;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.core.warehouse.LineDisposition;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.rules.fact.AdvanceExchangeGrant;
import dev.returnkit.rules.fact.CaseFact;
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
import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the core's decision facts into rule facts, runs a rule set once over one or many cases,
 * and turns the outcomes the rules inserted back into the core's decisions, each with its reason
 * codes and the rules that fired.
 *
 * <p>Where rules must decide exactly one thing per line (a liability, a disposition, a
 * settlement method) and did not, that is a fault in the rule set, reported as
 * {@link InvalidDecisionException} naming the line and the rules that fired on it. Stateless and
 * thread-safe.
 */
public final class RuleDecisions {

  /**
   * The most cases decided in one rule run. Cases never meet in the rules (every join is on the
   * case key), so splitting a batch changes no decision; it keeps the working memory small,
   * which returns-bench measured to matter: per case, a run of 10,000 cost five times one of
   * 100.
   */
  public static final int CASES_PER_RUN = 200;

  private RuleDecisions() {}

  private static <F, D> List<D> inRuns(List<F> cases, Function<List<F>, List<D>> decide) {
    if (cases.size() <= CASES_PER_RUN) {
      return decide.apply(cases);
    }
    List<D> decisions = new ArrayList<>(cases.size());
    for (int from = 0; from < cases.size(); from += CASES_PER_RUN) {
      decisions.addAll(decide.apply(cases.subList(from,
          Math.min(cases.size(), from + CASES_PER_RUN))));
    }
    return decisions;
  }

  private static String caseKey(int index) {
    return "case-" + index;
  }

  private static String lineKey(String caseKey, OrderLineId line) {
    return caseKey + "/" + line.value();
  }

  // ---------------------------------------------------------------------------------------
  // Eligibility

  /**
   * Decides the eligibility of many cases, in runs of at most {@value #CASES_PER_RUN} cases.
   *
   * @param rules the rule engine
   * @param cases the cases
   * @return one decision per case, in order
   */
  public static List<EligibilityDecision> eligibility(RuleEngine rules,
      List<EligibilityFacts> cases) {
    return inRuns(cases, run -> eligibilityOnce(rules, run));
  }

  /**
   * Decides the eligibility of some requests in one rule run.
   *
   * @param rules the rule set
   * @param cases the requests
   * @return one decision per request, in order
   */
  private static List<EligibilityDecision> eligibilityOnce(RuleEngine rules,
      List<EligibilityFacts> cases) {
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      EligibilityFacts request = cases.get(i);
      Money total = Money.zero(request.order().currency());
      for (RequestedLineFacts line : request.lines()) {
        total = total.plus(line.requestedValue());
      }
      facts.add(new EligibilityCase(key, total));
      boolean delivered = request.order().isDelivered();
      long days = request.timeSinceDelivery().map(Duration::toDays).orElse(0L);
      for (RequestedLineFacts line : request.lines()) {
        facts.add(new EligibilityLine(key, lineKey(key, line.orderLine().id()),
            line.orderLine().id().value(), category(line.orderLine().category()),
            line.orderLine().finalSale(), line.quantity(), line.orderLine().quantity(),
            line.alreadyReturned(), line.otherOpenCases(), line.requestedValue(), line.reason(),
            line.reason().family(), line.resolution(), line.hasNote(), delivered,
            Math.max(0, days), request.customer().returnRate(),
            request.customer().returnCases()));
      }
    }
    RuleExecution run = rules.run(facts);
    Map<String, List<Verdict>> verdicts = byKey(run.all(Verdict.class), Verdict::lineKey);
    Map<String, List<ReturnlessGrant>> returnless =
        byKey(run.all(ReturnlessGrant.class), ReturnlessGrant::lineKey);
    Map<String, List<AdvanceExchangeGrant>> advance =
        byKey(run.all(AdvanceExchangeGrant.class), AdvanceExchangeGrant::lineKey);
    Map<String, List<ShippingPayerChoice>> payers =
        byKey(run.all(ShippingPayerChoice.class), ShippingPayerChoice::caseKey);

    List<EligibilityDecision> decisions = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      List<LineEligibility> lines = new ArrayList<>();
      for (RequestedLineFacts line : cases.get(i).lines()) {
        String lk = lineKey(key, line.orderLine().id());
        lines.add(lineEligibility(line.orderLine().id(), verdicts.get(lk),
            returnless.getOrDefault(lk, List.of()), advance.getOrDefault(lk, List.of()),
            run.fired().forLine(lk)));
      }
      List<ShippingPayerChoice> choices = payers.getOrDefault(key, List.of());
      boolean customerPays = choices.stream()
          .anyMatch(c -> c.payer() == ReturnShippingPayer.CUSTOMER);
      List<String> codes = choices.stream()
          .filter(c -> c.payer() == (customerPays ? ReturnShippingPayer.CUSTOMER
              : ReturnShippingPayer.SELLER))
          .map(ShippingPayerChoice::code).distinct().toList();
      decisions.add(new EligibilityDecision(lines,
          customerPays ? ReturnShippingPayer.CUSTOMER : ReturnShippingPayer.SELLER,
          new Rationale(codes, caseOnlyRules(run, key, lines.stream()
              .map(l -> lineKey(key, l.orderLineId())).toList()))));
    }
    return decisions;
  }

  /** Rejection wins over review, review over approval; no verdict at all is a rule-set bug. */
  private static LineEligibility lineEligibility(OrderLineId line, List<Verdict> verdicts,
      List<ReturnlessGrant> grants, List<AdvanceExchangeGrant> advance, List<String> rules) {
    if (verdicts == null || verdicts.isEmpty()) {
      throw new InvalidDecisionException("the rules gave no eligibility verdict for line " + line
          + " (rules fired on it: " + rules + "); a line needs at least one, which the rule "
          + "eligibility/eligible gives when no other rule rejects or reviews it");
    }
    for (Verdict.Kind kind : List.of(Verdict.Kind.REJECT, Verdict.Kind.REVIEW)) {
      List<String> codes = verdicts.stream().filter(v -> v.kind() == kind)
          .map(Verdict::code).distinct().toList();
      if (!codes.isEmpty()) {
        LineVerdict verdict = kind == Verdict.Kind.REJECT ? LineVerdict.REJECTED
            : LineVerdict.IN_REVIEW;
        return new LineEligibility(line, verdict, false, new Rationale(codes, rules));
      }
    }
    List<String> codes = new ArrayList<>(verdicts.stream().map(Verdict::code).distinct()
        .toList());
    grants.stream().map(ReturnlessGrant::code).distinct().forEach(codes::add);
    advance.stream().map(AdvanceExchangeGrant::code).distinct().forEach(codes::add);
    return new LineEligibility(line, LineVerdict.APPROVED, !grants.isEmpty(),
        new Rationale(codes, rules), !advance.isEmpty());
  }

  // ---------------------------------------------------------------------------------------
  // Liability

  /**
   * Decides the liability of many cases, in runs of at most {@value #CASES_PER_RUN} cases.
   *
   * @param rules the rule engine
   * @param cases the cases
   * @return one decision per case, in order
   */
  public static List<LiabilityDecision> liability(RuleEngine rules,
      List<LiabilityFacts> cases) {
    return inRuns(cases, run -> liabilityOnce(rules, run));
  }

  /**
   * Decides the liability of some cases' lines in one rule run.
   *
   * @param rules the rule set
   * @param cases the cases
   * @return one decision per case, in order
   */
  private static List<LiabilityDecision> liabilityOnce(RuleEngine rules,
      List<LiabilityFacts> cases) {
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      for (LiabilityLineFacts line : cases.get(i).lines()) {
        var inspection = line.inspection();
        facts.add(new LiabilityLine(key, lineKey(key, line.orderLineId()),
            line.orderLineId().value(), category(line.category()), line.reason(),
            line.reason().family(),
            inspection == null ? null : inspection.grade(),
            inspection == null ? Set.<InspectionFinding>of() : inspection.findings(),
            line.returnless(), line.lostInTransit()));
      }
    }
    RuleExecution run = rules.run(facts);
    Map<String, List<LiabilityFinding>> findings =
        byKey(run.all(LiabilityFinding.class), LiabilityFinding::lineKey);
    List<LiabilityDecision> decisions = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      List<LineLiability> lines = new ArrayList<>();
      for (LiabilityLineFacts line : cases.get(i).lines()) {
        String lk = lineKey(key, line.orderLineId());
        LiabilityFinding finding = exactlyOne("liability", findings.get(lk), line.orderLineId(),
            run.fired().forLine(lk));
        lines.add(new LineLiability(line.orderLineId(), finding.liability(),
            new Rationale(List.of(finding.code()), run.fired().forLine(lk))));
      }
      decisions.add(new LiabilityDecision(lines));
    }
    return decisions;
  }

  // ---------------------------------------------------------------------------------------
  // Disposition

  /**
   * Decides the disposition of many cases, in runs of at most {@value #CASES_PER_RUN} cases.
   *
   * @param rules the rule engine
   * @param cases the cases
   * @return one decision per case, in order
   */
  public static List<DispositionDecision> disposition(RuleEngine rules,
      List<DispositionFacts> cases) {
    return inRuns(cases, run -> dispositionOnce(rules, run));
  }

  /**
   * Decides the disposition of some cases' lines in one rule run.
   *
   * @param rules the rule set
   * @param cases the cases
   * @return one decision per case, in order
   */
  private static List<DispositionDecision> dispositionOnce(RuleEngine rules,
      List<DispositionFacts> cases) {
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      for (DispositionLineFacts line : cases.get(i).lines()) {
        facts.add(new DispositionLine(key, lineKey(key, line.orderLineId()),
            line.orderLineId().value(), category(line.category()), line.reason(), line.quantity(),
            line.inspection().grade(), line.inspection().findings(), line.liability()));
      }
    }
    RuleExecution run = rules.run(facts);
    Map<String, List<DispositionChoice>> choices =
        byKey(run.all(DispositionChoice.class), DispositionChoice::lineKey);
    List<DispositionDecision> decisions = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      List<LineDisposition> lines = new ArrayList<>();
      for (DispositionLineFacts line : cases.get(i).lines()) {
        String lk = lineKey(key, line.orderLineId());
        DispositionChoice choice = exactlyOne("disposition", choices.get(lk),
            line.orderLineId(), run.fired().forLine(lk));
        List<String> codes = new ArrayList<>(List.of(choice.code()));
        if (choice.markdownPercent().signum() > 0) {
          codes.add("MARKDOWN_" + choice.markdownPercent().stripTrailingZeros().toPlainString()
              + "_PERCENT");
        }
        lines.add(new LineDisposition(line.orderLineId(), choice.disposition(),
            new Rationale(codes, run.fired().forLine(lk))));
      }
      decisions.add(new DispositionDecision(lines));
    }
    return decisions;
  }

  // ---------------------------------------------------------------------------------------
  // Settlement

  /**
   * Decides the settlement of many cases, in runs of at most {@value #CASES_PER_RUN} cases.
   *
   * @param rules the rule engine
   * @param cases the cases
   * @return one decision per case, in order
   */
  public static List<SettlementDecision> settlement(RuleEngine rules,
      List<SettlementFacts> cases) {
    return inRuns(cases, run -> settlementOnce(rules, run));
  }

  /**
   * Decides the settlement of some cases in one rule run.
   *
   * @param rules the rule set
   * @param cases the cases
   * @return one decision per case, in order
   */
  private static List<SettlementDecision> settlementOnce(RuleEngine rules,
      List<SettlementFacts> cases) {
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      SettlementFacts settlement = cases.get(i);
      facts.add(new SettlementCase(key, settlement.lostInTransit(),
          settlement.returnShippingPaidBy(), settlement.outboundShippingPaid(),
          settlement.tenders().size()));
      for (SettlementLineFacts line : settlement.lines()) {
        var inspection = line.inspection();
        facts.add(new SettlementLine(key, lineKey(key, line.orderLineId()),
            line.orderLineId().value(), category(line.category()), line.reason(),
            line.resolution(), line.quantity(), line.paidForAccepted(), line.paid().tax(),
            inspection == null ? null : inspection.grade(),
            inspection == null ? Set.<InspectionFinding>of() : inspection.findings(),
            line.liability(), line.disposition(), line.returnless()));
      }
    }
    RuleExecution run = rules.run(facts);
    Map<String, List<ItemRefund>> refunds = byKey(run.all(ItemRefund.class), ItemRefund::lineKey);
    Map<String, List<RestockingFee>> fees =
        byKey(run.all(RestockingFee.class), RestockingFee::lineKey);
    Map<String, List<SettlementMethod>> methods =
        byKey(run.all(SettlementMethod.class), SettlementMethod::lineKey);
    Map<String, List<ReturnShippingCharge>> charges =
        byKey(run.all(ReturnShippingCharge.class), ReturnShippingCharge::caseKey);
    Map<String, List<OutboundShippingRefund>> shipping =
        byKey(run.all(OutboundShippingRefund.class), OutboundShippingRefund::caseKey);

    List<SettlementDecision> decisions = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String key = caseKey(i);
      SettlementFacts settlement = cases.get(i);
      Currency currency = settlement.outboundShippingPaid().currency();
      List<LineSettlement> lines = new ArrayList<>();
      List<String> lineKeys = new ArrayList<>();
      for (SettlementLineFacts line : settlement.lines()) {
        String lk = lineKey(key, line.orderLineId());
        lineKeys.add(lk);
        List<String> fired = run.fired().forLine(lk);
        SettlementMethod method = exactlyOne("settlement method", methods.get(lk),
            line.orderLineId(), fired);
        List<ItemRefund> lineRefunds = refunds.getOrDefault(lk, List.of());
        List<RestockingFee> lineFees = fees.getOrDefault(lk, List.of());
        List<String> codes = new ArrayList<>();
        lineRefunds.forEach(r -> codes.add(r.code()));
        lineFees.forEach(f -> codes.add(f.code()));
        codes.add(method.code());
        lines.add(new LineSettlement(line.orderLineId(),
            sum(lineRefunds, ItemRefund::amount, currency),
            sum(lineFees, RestockingFee::amount, currency), method.method(),
            new Rationale(codes.stream().distinct().toList(), fired)));
      }
      List<ReturnShippingCharge> caseCharges = charges.getOrDefault(key, List.of());
      List<OutboundShippingRefund> caseShipping = shipping.getOrDefault(key, List.of());
      List<String> codes = new ArrayList<>();
      caseCharges.forEach(c -> codes.add(c.code()));
      caseShipping.forEach(s -> codes.add(s.code()));
      decisions.add(new SettlementDecision(lines,
          sum(caseCharges, ReturnShippingCharge::amount, currency),
          sum(caseShipping, OutboundShippingRefund::amount, currency),
          new Rationale(codes.stream().distinct().toList(), caseOnlyRules(run, key, lineKeys))));
    }
    return decisions;
  }

  // ---------------------------------------------------------------------------------------

  /** The rules that fired for the case but on none of its lines: the case-level rules. */
  private static List<String> caseOnlyRules(RuleExecution run, String caseKey,
      List<String> lineKeys) {
    List<String> rules = new ArrayList<>(run.fired().forCase(caseKey));
    for (String lineKey : lineKeys) {
      rules.removeAll(run.fired().forLine(lineKey));
    }
    return rules;
  }

  private static <T extends CaseFact> T exactlyOne(String what, List<T> outcomes,
      OrderLineId line, List<String> fired) {
    if (outcomes == null || outcomes.isEmpty()) {
      throw new InvalidDecisionException("the rules decided no " + what + " for line " + line
          + " (rules fired on it: " + fired + "); every line needs exactly one");
    }
    if (outcomes.size() > 1) {
      // A policy owner's rule without the one-per-line guard: name the outcomes in their
      // words and the rules, and say what the rule needs.
      throw new InvalidDecisionException("the rules decided " + outcomes.size() + " "
          + plural(what) + " for line " + line + ": " + outcomes.stream()
              .map(RuleDecisions::describe).toList() + " (rules fired on it: " + fired
          + "); every line needs exactly one: a rule that decides it checks that none did "
          + "first (not " + outcomes.get(0).getClass().getSimpleName()
          + "( lineKey == $key )) and has a salience above the rule it comes before");
    }
    return outcomes.get(0);
  }

  private static String plural(String what) {
    return what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies" : what + "s";
  }

  /** An outcome in a policy owner's words: what it decides and its reason code. */
  private static String describe(CaseFact outcome) {
    if (outcome instanceof LiabilityFinding finding) {
      return finding.liability() + " (" + finding.code() + ")";
    }
    if (outcome instanceof DispositionChoice choice) {
      return choice.disposition() + " (" + choice.code() + ")";
    }
    if (outcome instanceof SettlementMethod method) {
      return method.method() + " (" + method.code() + ")";
    }
    return outcome.toString();
  }

  private static <T> Map<String, List<T>> byKey(List<T> outcomes, Function<T, String> key) {
    Map<String, List<T>> grouped = new HashMap<>();
    for (T outcome : outcomes) {
      grouped.computeIfAbsent(key.apply(outcome), k -> new ArrayList<>()).add(outcome);
    }
    return grouped;
  }

  private static <T> Money sum(List<T> items, Function<T, Money> amount, Currency currency) {
    Money total = Money.zero(currency);
    for (T item : items) {
      Money value = amount.apply(item);
      if (!value.currency().equals(currency)) {
        throw new InvalidDecisionException("a rule inserted " + item + " in "
            + value.currency().getCurrencyCode() + " but the case is in "
            + currency.getCurrencyCode());
      }
      total = total.plus(value);
    }
    return total;
  }

  /**
   * Categories reach the rules trimmed and in lower case, as the settings compare them, so a
   * rule's {@code category == "electronics"} means the same whatever the shop's spelling.
   */
  private static String category(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }
}
