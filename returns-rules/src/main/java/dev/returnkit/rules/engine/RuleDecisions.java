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
import java.util.List;
import java.util.Locale;
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
    List<Object> facts = new ArrayList<>(cases.size() * 3);
    int lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      EligibilityFacts request = cases.get(c);
      Money total = Money.zero(request.order().currency());
      for (RequestedLineFacts line : request.lines()) {
        total = total.plus(line.requestedValue());
      }
      facts.add(new EligibilityCase(c, total));
      boolean delivered = request.order().isDelivered();
      long days = request.timeSinceDelivery().map(Duration::toDays).orElse(0L);
      for (RequestedLineFacts line : request.lines()) {
        facts.add(new EligibilityLine(c, lineKey++, line.orderLine().id().value(),
            category(line.orderLine().category()), line.orderLine().finalSale(),
            line.quantity(), line.orderLine().quantity(), line.alreadyReturned(),
            line.otherOpenCases(), line.requestedValue(), line.reason(),
            line.reason().family(), line.resolution(), line.hasNote(), delivered,
            Math.max(0, days), request.customer().returnRate(),
            request.customer().returnCases()));
      }
    }
    FiredRules run = rules.run(facts);

    List<EligibilityDecision> decisions = new ArrayList<>(cases.size());
    lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      List<RequestedLineFacts> requested = cases.get(c).lines();
      List<LineEligibility> lines = new ArrayList<>(requested.size());
      List<List<String>> lineRules = new ArrayList<>(requested.size());
      for (RequestedLineFacts line : requested) {
        int key = lineKey++;
        List<String> fired = run.rulesOfLine(key);
        lineRules.add(fired);
        lines.add(lineEligibility(line.orderLine().id(), run.outcomesOfLine(key), fired));
      }
      List<ShippingPayerChoice> choices = ofType(run.outcomesOfCase(c),
          ShippingPayerChoice.class);
      ReturnShippingPayer payer = ReturnShippingPayer.SELLER;
      for (ShippingPayerChoice choice : choices) {
        if (choice.payer() == ReturnShippingPayer.CUSTOMER) {
          payer = ReturnShippingPayer.CUSTOMER;
        }
      }
      List<String> codes = new ArrayList<>(1);
      for (ShippingPayerChoice choice : choices) {
        if (choice.payer() == payer) {
          addOnce(codes, choice.code());
        }
      }
      decisions.add(new EligibilityDecision(lines, payer,
          new Rationale(codes, caseOnlyRules(run.rulesOfCase(c), lineRules))));
    }
    return decisions;
  }

  /** Rejection wins over review, review over approval; no verdict at all is a rule-set bug. */
  private static LineEligibility lineEligibility(OrderLineId line, List<Object> outcomes,
      List<String> rules) {
    List<String> rejections = new ArrayList<>(1);
    List<String> reviews = new ArrayList<>(1);
    List<String> approvals = new ArrayList<>(1);
    List<String> grants = new ArrayList<>(1);
    List<String> advance = new ArrayList<>(1);
    for (Object outcome : outcomes) {
      if (outcome instanceof Verdict verdict) {
        switch (verdict.kind()) {
          case REJECT -> addOnce(rejections, verdict.code());
          case REVIEW -> addOnce(reviews, verdict.code());
          case APPROVE -> addOnce(approvals, verdict.code());
        }
      } else if (outcome instanceof ReturnlessGrant grant) {
        addOnce(grants, grant.code());
      } else if (outcome instanceof AdvanceExchangeGrant grant) {
        addOnce(advance, grant.code());
      }
    }
    if (!rejections.isEmpty()) {
      return new LineEligibility(line, LineVerdict.REJECTED, false,
          new Rationale(rejections, rules));
    }
    if (!reviews.isEmpty()) {
      return new LineEligibility(line, LineVerdict.IN_REVIEW, false,
          new Rationale(reviews, rules));
    }
    if (approvals.isEmpty()) {
      throw new InvalidDecisionException("the rules gave no eligibility verdict for line " + line
          + " (rules fired on it: " + rules + "); a line needs at least one, which the rule "
          + "eligibility/eligible gives when no other rule rejects or reviews it");
    }
    List<String> codes = approvals;
    codes.addAll(grants);
    codes.addAll(advance);
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
    List<Object> facts = new ArrayList<>(cases.size() * 2);
    int lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      for (LiabilityLineFacts line : cases.get(c).lines()) {
        var inspection = line.inspection();
        facts.add(new LiabilityLine(c, lineKey++, line.orderLineId().value(),
            category(line.category()), line.reason(), line.reason().family(),
            inspection == null ? null : inspection.grade(),
            inspection == null ? Set.<InspectionFinding>of() : inspection.findings(),
            line.returnless(), line.lostInTransit()));
      }
    }
    FiredRules run = rules.run(facts);
    List<LiabilityDecision> decisions = new ArrayList<>(cases.size());
    lineKey = 0;
    for (LiabilityFacts liability : cases) {
      List<LineLiability> lines = new ArrayList<>(liability.lines().size());
      for (LiabilityLineFacts line : liability.lines()) {
        int key = lineKey++;
        List<String> fired = run.rulesOfLine(key);
        LiabilityFinding finding = exactlyOne("liability",
            ofType(run.outcomesOfLine(key), LiabilityFinding.class), line.orderLineId(), fired);
        lines.add(new LineLiability(line.orderLineId(), finding.liability(),
            new Rationale(List.of(finding.code()), fired)));
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
    List<Object> facts = new ArrayList<>(cases.size() * 2);
    int lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      for (DispositionLineFacts line : cases.get(c).lines()) {
        facts.add(new DispositionLine(c, lineKey++, line.orderLineId().value(),
            category(line.category()), line.reason(), line.quantity(),
            line.inspection().grade(), line.inspection().findings(), line.liability()));
      }
    }
    FiredRules run = rules.run(facts);
    List<DispositionDecision> decisions = new ArrayList<>(cases.size());
    lineKey = 0;
    for (DispositionFacts disposition : cases) {
      List<LineDisposition> lines = new ArrayList<>(disposition.lines().size());
      for (DispositionLineFacts line : disposition.lines()) {
        int key = lineKey++;
        List<String> fired = run.rulesOfLine(key);
        DispositionChoice choice = exactlyOne("disposition",
            ofType(run.outcomesOfLine(key), DispositionChoice.class), line.orderLineId(), fired);
        List<String> codes = new ArrayList<>(2);
        codes.add(choice.code());
        if (choice.markdownPercent().signum() > 0) {
          codes.add("MARKDOWN_" + choice.markdownPercent().stripTrailingZeros().toPlainString()
              + "_PERCENT");
        }
        lines.add(new LineDisposition(line.orderLineId(), choice.disposition(),
            new Rationale(codes, fired)));
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
    List<Object> facts = new ArrayList<>(cases.size() * 3);
    int lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      SettlementFacts settlement = cases.get(c);
      facts.add(new SettlementCase(c, settlement.lostInTransit(),
          settlement.returnShippingPaidBy(), settlement.outboundShippingPaid(),
          settlement.tenders().size()));
      for (SettlementLineFacts line : settlement.lines()) {
        var inspection = line.inspection();
        facts.add(new SettlementLine(c, lineKey++, line.orderLineId().value(),
            category(line.category()), line.reason(), line.resolution(), line.quantity(),
            line.paidForAccepted(), line.paid().tax(),
            inspection == null ? null : inspection.grade(),
            inspection == null ? Set.<InspectionFinding>of() : inspection.findings(),
            line.liability(), line.disposition(), line.returnless()));
      }
    }
    FiredRules run = rules.run(facts);

    List<SettlementDecision> decisions = new ArrayList<>(cases.size());
    lineKey = 0;
    for (int c = 0; c < cases.size(); c++) {
      SettlementFacts settlement = cases.get(c);
      Currency currency = settlement.outboundShippingPaid().currency();
      List<LineSettlement> lines = new ArrayList<>(settlement.lines().size());
      List<List<String>> lineRules = new ArrayList<>(settlement.lines().size());
      for (SettlementLineFacts line : settlement.lines()) {
        int key = lineKey++;
        List<String> fired = run.rulesOfLine(key);
        lineRules.add(fired);
        lines.add(lineSettlement(line.orderLineId(), run.outcomesOfLine(key), fired, currency));
      }
      List<Object> caseOutcomes = run.outcomesOfCase(c);
      Money charged = Money.zero(currency);
      Money shippingRefunded = Money.zero(currency);
      List<String> codes = new ArrayList<>(2);
      for (Object outcome : caseOutcomes) {
        if (outcome instanceof ReturnShippingCharge charge) {
          charged = charged.plus(inCurrency(charge, charge.amount(), currency));
          addOnce(codes, charge.code());
        }
      }
      for (Object outcome : caseOutcomes) {
        if (outcome instanceof OutboundShippingRefund refund) {
          shippingRefunded = shippingRefunded.plus(inCurrency(refund, refund.amount(), currency));
          addOnce(codes, refund.code());
        }
      }
      decisions.add(new SettlementDecision(lines, charged, shippingRefunded,
          new Rationale(codes, caseOnlyRules(run.rulesOfCase(c), lineRules))));
    }
    return decisions;
  }

  /** A line's money: refunds, then fees, then the one method; codes in that order. */
  private static LineSettlement lineSettlement(OrderLineId line, List<Object> outcomes,
      List<String> fired, Currency currency) {
    Money refunded = Money.zero(currency);
    Money fees = Money.zero(currency);
    List<String> codes = new ArrayList<>(3);
    for (Object outcome : outcomes) {
      if (outcome instanceof ItemRefund refund) {
        refunded = refunded.plus(inCurrency(refund, refund.amount(), currency));
        addOnce(codes, refund.code());
      }
    }
    for (Object outcome : outcomes) {
      if (outcome instanceof RestockingFee fee) {
        fees = fees.plus(inCurrency(fee, fee.amount(), currency));
        addOnce(codes, fee.code());
      }
    }
    SettlementMethod method = exactlyOne("settlement method",
        ofType(outcomes, SettlementMethod.class), line, fired);
    addOnce(codes, method.code());
    return new LineSettlement(line, refunded, fees, method.method(),
        new Rationale(codes, fired));
  }

  /** The rules that fired for the case but on none of its lines: the case-level rules. */
  private static List<String> caseOnlyRules(List<String> caseRules,
      List<List<String>> lineRules) {
    for (int line = 0; line < lineRules.size() && !caseRules.isEmpty(); line++) {
      caseRules.removeAll(lineRules.get(line));
    }
    return caseRules;
  }

  /** The outcomes of one type, in the order given; a shared empty list when there are none. */
  private static <T> List<T> ofType(List<Object> outcomes, Class<T> type) {
    List<T> matching = null;
    for (Object outcome : outcomes) {
      if (type.isInstance(outcome)) {
        if (matching == null) {
          matching = new ArrayList<>(1);
        }
        matching.add(type.cast(outcome));
      }
    }
    return matching == null ? List.of() : matching;
  }

  /** Adds a reason code unless it is there: a code is given once, however many rules gave it. */
  private static void addOnce(List<String> codes, String code) {
    if (!codes.contains(code)) {
      codes.add(code);
    }
  }

  private static <T> T exactlyOne(String what, List<T> outcomes,
      OrderLineId line, List<String> fired) {
    if (outcomes.isEmpty()) {
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
  private static String describe(Object outcome) {
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

  private static Money inCurrency(Object outcome, Money value, Currency currency) {
    if (!value.currency().equals(currency)) {
      throw new InvalidDecisionException("a rule inserted " + outcome + " in "
          + value.currency().getCurrencyCode() + " but the case is in "
          + currency.getCurrencyCode());
    }
    return value;
  }

  /**
   * Categories reach the rules trimmed and in lower case, as the settings compare them, so a
   * rule's {@code category == "electronics"} means the same whatever the shop's spelling.
   */
  private static String category(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }
}
