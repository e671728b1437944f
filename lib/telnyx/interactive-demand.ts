import "server-only";

/** A bulk grant whose answer never came (the caller skipped its request, or it hung) stops counting then. */
const grantAnswerTtlMs = 10_000;
const spanMs = 1_000;
/** How far back people's use counts: long enough to see a page's burst, short enough to stop holding back. */
const horizonMs = 2_000;

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

  /**
   * The most people's answers within any one second (a sliding span, not clock-aligned slots, so two pages
   * 700 ms apart count together) of the last two seconds.
   */
  peakPerSecond(now = Date.now()): number {
    this.forgetOld(now);
    const answers = this.interactiveAnswers;
    let peak = 0;
    for (let first = 0, last = 0; last < answers.length; last++) {
      while ((answers[last] ?? 0) - (answers[first] ?? 0) >= spanMs) first++;
      peak = Math.max(peak, last - first + 1);
    }
    return peak;
  }

  /** People's answers since `at` (within the last two seconds). */
  answeredSince(at: number, now = Date.now()): number {
    this.forgetOld(now);
    return this.interactiveAnswers.filter((answeredAt) => answeredAt >= at).length;
  }

  reset(): void {
    this.outstandingGrants = [];
    this.interactiveAnswers = [];
  }

  private forgetOld(now: number): void {
    const horizon = now - horizonMs;
    while (this.interactiveAnswers[0] !== undefined && this.interactiveAnswers[0] <= horizon) {
      this.interactiveAnswers.shift();
    }
  }
}
