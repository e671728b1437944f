import "server-only";

/** A bulk grant whose answer never came (the caller skipped its request, or it hung) stops counting then. */
const grantAnswerTtlMs = 10_000;
const slotMs = 1_000;
const slots = 5;

/**
 * How many Telnyx requests people (not bulk jobs) sent lately, so bulk work can leave them that share of
 * Telnyx's window. Answers are told apart by pairing: each answer settles the oldest outstanding bulk grant,
 * and an answer with none outstanding was someone's page. A request that answers out of turn swaps which
 * one counts, not how many.
 */
export class InteractiveDemand {
  private outstandingGrants: number[] = [];
  private interactiveAnswers: number[] = [];

  granted(now = Date.now()): void {
    this.outstandingGrants.push(now);
  }

  answered(now = Date.now()): void {
    while (this.outstandingGrants[0] !== undefined && this.outstandingGrants[0] < now - grantAnswerTtlMs) {
      this.outstandingGrants.shift();
    }
    if (this.outstandingGrants.shift() !== undefined) return;
    this.interactiveAnswers.push(now);
    this.forgetOld(now);
  }

  /** The most people's answers seen within any one second of the last five. */
  peakPerSecond(now = Date.now()): number {
    this.forgetOld(now);
    const counts = new Array<number>(slots).fill(0);
    for (const at of this.interactiveAnswers) {
      const slot = Math.floor((now - at) / slotMs);
      if (slot >= 0 && slot < slots) counts[slot] = (counts[slot] ?? 0) + 1;
    }
    return Math.max(...counts);
  }

  reset(): void {
    this.outstandingGrants = [];
    this.interactiveAnswers = [];
  }

  private forgetOld(now: number): void {
    const horizon = now - slots * slotMs;
    while (this.interactiveAnswers[0] !== undefined && this.interactiveAnswers[0] <= horizon) {
      this.interactiveAnswers.shift();
    }
  }
}
