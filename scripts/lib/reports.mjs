// Turns the runners' JSON reports into one count. Their own closing lines differ in shape, and a run
// that executed nothing must not look green, so the numbers come from the reports, not from stdout.
import { existsSync, readFileSync } from "node:fs";

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON reporter (Jest-compatible shape). */
export function countVitest(file) {
  const report = readJson(file);
  if (!report || typeof report.numTotalTests !== "number") return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    // A file that fails to load has no failed test but a failed suite.
    hasErrors: report.success === false,
  };
}

/** Playwright's JSON reporter. With retries: 0 nothing can be "flaky", but count it as failed if so. */
export function countPlaywright(file) {
  const report = readJson(file);
  const stats = report?.stats;
  if (!stats || typeof stats.expected !== "number") return undefined;
  return {
    passed: stats.expected,
    failed: stats.unexpected + stats.flaky,
    skipped: stats.skipped,
    // Config errors, global setup failures and the like land here rather than on a test.
    hasErrors: Array.isArray(report.errors) && report.errors.length > 0,
  };
}

/**
 * One runner's outcome. A missing report, a non-zero exit or a load error with no failed test to show
 * for it each count as one failure, so the summary line can never hide a crash.
 */
export function runnerOutcome({ name, exitCode, counts }) {
  if (!counts) return { name, passed: 0, failed: 1, skipped: 0, note: "no report (runner crashed?)" };
  const isBroken = exitCode !== 0 || counts.hasErrors;
  if (isBroken && counts.failed === 0) {
    return { ...counts, name, failed: 1, note: `exit code ${exitCode} with no failed test reported` };
  }
  return { ...counts, name };
}

export function totals(outcomes) {
  const sum = (key) => outcomes.reduce((total, outcome) => total + outcome[key], 0);
  return { passed: sum("passed"), failed: sum("failed"), skipped: sum("skipped") };
}

/** The contract line CI reads: `N passed, N failed` plus `, N skipped` only when there are any. */
export function summaryLine({ passed, failed, skipped }) {
  const line = `${passed} passed, ${failed} failed`;
  return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}
