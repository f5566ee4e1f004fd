package io.stepcache.engine.internal;

import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which trust each step of an answer carries ({@link StepTrust}), by path: a generated step is
 * provisional (confirmed when the rules promote it), a reused step keeps its cached trust, and a
 * PATCH's fresh step is compared with the cached step of its slot, a vote or a dispute in the
 * {@link TrustLedger}. A checked pack's steps are all {@code CHECKED}.
 */
final class StepTrustAssignment {

  private final TrustLedger ledger;
  private final TrustCounters counters;

  StepTrustAssignment(TrustLedger ledger, TrustCounters counters) {
    this.ledger = ledger;
    this.counters = counters;
  }

  /** Trust of freshly generated steps (MISS, SKIP) that {@code verification} judged. */
  static List<StepTrust> generated(LoadedPack pack, Verification verification, int steps) {
    boolean grounded = grounded(pack);
    List<StepTrust> trust = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      trust.add(!grounded ? StepTrust.checked("")
          : verification.stepPromoted(i) ? StepTrust.confirmed(0, "") : StepTrust.provisional(""));
    }
    return trust;
  }

  static boolean grounded(LoadedPack pack) {
    return pack.pack().verificationStrength() == VerificationStrength.GROUNDED;
  }

  /**
   * Texts of a grounded candidate's rebound steps that are not reusable (provisional or disputed):
   * they fail as {@code STEP_NOT_CONFIRMED} unless the rules promote them for the new request.
   */
  static Set<String> unconfirmed(CacheEntry entry, List<Draft> rebound) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < rebound.size() && i < entry.trust().size(); i++) {
      if (!entry.trust().get(i).reusable()) {
        out.add(rebound.get(i).text());
      }
    }
    return out;
  }

  /** Trust of a REUSE's steps: the cached trust, or confirmed where the rules promote the step now. */
  static List<StepTrust> reused(LoadedPack pack, CacheEntry entry, Verification rules) {
    List<StepTrust> out = new ArrayList<>(entry.trust().size());
    for (int i = 0; i < entry.trust().size(); i++) {
      StepTrust t = entry.trust().get(i);
      out.add(grounded(pack) && !t.reusable() && rules.stepPromoted(i) ? StepTrust.confirmed(t.votes(), t.lineage()) : t);
    }
    return out;
  }

  /**
   * Trust of a PATCH's steps. A reused step keeps its cached trust. A fresh step (regenerated,
   * repaired, solved) of a grounded pack is compared with the candidate's provisional step of the
   * same slot that passed the rules: the same text is an independent agreement (a vote for the
   * cached step; the fresh one shares its fact), another text contradicts it (the cached fact is
   * demoted in every variant). Promoted steps are confirmed.
   *
   * @param entry the candidate entry the PATCH started from
   * @param rebound its steps rebound to the request
   * @param candidateRules what the pack's rules said of {@code rebound}
   */
  List<StepTrust> patched(
      LoadedPack pack, CacheEntry entry, List<String> rebound, Verification candidateRules, Repairer.Outcome outcome) {
    List<Draft> steps = outcome.steps();
    if (!grounded(pack)) {
      return steps.stream().map(d -> StepTrust.checked("")).toList();
    }
    Map<String, Integer> provisionalBySlot = new HashMap<>();
    for (int i = 0; i < rebound.size() && i < entry.trust().size(); i++) {
      if (candidateRules.stepPassed(i) && entry.trust().get(i).state() == StepTrust.State.PROVISIONAL) {
        provisionalBySlot.putIfAbsent(pack.segmenter().slot(rebound.get(i), i), i);
      }
    }
    boolean[] taken = new boolean[rebound.size()];
    Verification fin = outcome.verification();
    List<StepTrust> out = new ArrayList<>(steps.size());
    for (int j = 0; j < steps.size(); j++) {
      Draft d = steps.get(j);
      boolean promoted = fin.stepPromoted(j);
      if (d.origin() == StepOrigin.REUSED) {
        int i = indexOf(rebound, taken, d.text());
        StepTrust t = i < 0 || i >= entry.trust().size() ? StepTrust.provisional("") : entry.trust().get(i);
        out.add(promoted && !t.reusable() ? StepTrust.confirmed(t.votes(), t.lineage()) : t);
        continue;
      }
      String slot = pack.segmenter().slot(d.text(), j);
      Integer i = provisionalBySlot.get(slot);
      StepTrust fresh = promoted ? StepTrust.confirmed(0, "") : StepTrust.provisional("");
      if (i != null && fin.stepPassed(j)) {
        String lineage = entry.trust().get(i).lineage();
        // not a measure of the model's reliability: the cached side is a template's reading of a new text
        boolean agreed = d.text().equals(rebound.get(i));
        if (agreed) {
          counters.agreements.increment();
          ledger.vote(entry.key(), i, slot);
          StepTrust both = StepTrust.provisional(lineage).withVote(ledger.confirmationsNeeded(pack.packKey(), slot));
          fresh = promoted ? StepTrust.confirmed(both.votes(), lineage) : both;
        } else {
          counters.contradictions.increment();
          ledger.dispute(entry.key(), lineage, "a fresh generation answered " + d.text() + " instead of " + rebound.get(i));
        }
      }
      out.add(fresh);
    }
    return out;
  }

  private static int indexOf(List<String> texts, boolean[] taken, String text) {
    for (int i = 0; i < texts.size(); i++) {
      if (!taken[i] && texts.get(i).equals(text)) {
        taken[i] = true;
        return i;
      }
    }
    return -1;
  }

}
