// What a person's browser sees: the requests a fresh /accounts load makes (prefetches counted apart), and
// INP figures: the longest interaction while changing status tab, paging and typing a filter, with the CPU
// slowed 4× through CDP as on a modest laptop. As INP counts them (web-vitals, the Event Timing spec): the
// 'event' entries (durationThreshold 16 ms) with an interactionId, i.e. pointer down/up, click and keys.
// The longest of every event is reported beside it: hover events (pointerover/out, no interactionId) fire
// when rows re-render under a still pointer, and their duration runs to the next paint, so they show how
// long the rendering of an answer that arrived held the page, which INP leaves out.
import { chromium } from "@playwright/test";
import { locateChromium } from "../lib/chromium.mjs";
import { sleep } from "../lib/bench.mjs";

export const CPU_SLOWDOWN = 4;
// Time for an interaction's fetch and render to finish at 4× before the next one (typing waits 400 ms more).
const SETTLE_MS = 1_500;

const observeEvents = () => {
  window.__benchEvents = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__benchEvents.push({
        name: entry.name,
        duration: entry.duration,
        interactionId: entry.interactionId ?? 0,
      });
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};

function isPrefetch(request) {
  const headers = request.headers();
  return "next-router-prefetch" in headers || "next-router-segment-prefetch" in headers;
}

async function openAccounts(browser, baseUrl, cookies) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
  await context.addCookies(cookies.map(([name, value]) => ({ name, value, url: baseUrl })));
  const page = await context.newPage();
  await page.addInitScript(observeEvents);
  return { context, page };
}

/** Every request of a fresh /accounts load until the network has been quiet, and how many were prefetches. */
async function countRequests(browser, baseUrl, cookies) {
  const { context, page } = await openAccounts(browser, baseUrl, cookies);
  const requests = [];
  page.on("request", (request) => requests.push(request));
  await page.goto(`${baseUrl}/accounts`, { waitUntil: "networkidle" });
  // Link prefetches start when the browser is idle after hydration; give them time to show.
  await sleep(3_000);
  await page.waitForLoadState("networkidle");
  await context.close();
  const prefetches = requests.filter(isPrefetch);
  return {
    total: requests.length,
    prefetches: prefetches.length,
    byType: requests.reduce((counts, request) => {
      const type = isPrefetch(request) ? "prefetch" : request.resourceType();
      return { ...counts, [type]: (counts[type] ?? 0) + 1 };
    }, {}),
  };
}

const none = { name: "-", duration: 0 };
const longest = (events) =>
  events.reduce((worst, event) => (event.duration > worst.duration ? event : worst), none);

/** The longest interaction's event and the longest event of any kind while `interact` runs. */
async function worstEvents(page, interact) {
  await page.evaluate(() => (window.__benchEvents = []));
  await interact();
  const events = await page.evaluate(() => window.__benchEvents);
  return {
    interaction: longest(events.filter((event) => event.interactionId > 0)),
    anyEvent: longest(events),
  };
}

/** Each scenario is three interactions on fresh data (no cached answer); its figure is the worst of them. */
async function measureInteractions(browser, baseUrl, cookies) {
  const { context, page } = await openAccounts(browser, baseUrl, cookies);
  await page.goto(`${baseUrl}/accounts`, { waitUntil: "networkidle" });
  await page.getByTestId("account-row").first().waitFor();
  await sleep(2_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const scenario = async (steps) => {
    const results = [];
    for (const step of steps) results.push(await worstEvents(page, step));
    return {
      interaction: longest(results.map((result) => result.interaction)),
      anyEvent: longest(results.map((result) => result.anyEvent)),
    };
  };
  const settle = () => sleep(SETTLE_MS);
  const tabs = await scenario(
    ["Enabled", "Disabled", "All"].map((name) => async () => {
      await page.getByRole("tab", { name }).click();
      await settle();
    }),
  );
  const paging = await scenario(
    [1, 2, 3].map(() => async () => {
      await page.getByRole("button", { name: "Next page" }).first().click();
      await settle();
    }),
  );
  const email = page.getByRole("searchbox", { name: "Email" });
  const typing = await scenario(
    ["exa", "mpl", "e"].map((text) => async () => {
      await email.pressSequentially(text, { delay: 120 });
      await sleep(400);
      await settle();
    }),
  );
  await context.close();
  return { tabs, paging, typing };
}

export async function measureBrowser({ baseUrl, cookies }) {
  const executablePath = await locateChromium();
  if (!executablePath) return undefined;
  const browser = await chromium.launch({ executablePath });
  try {
    return {
      requests: await countRequests(browser, baseUrl, cookies),
      interactions: await measureInteractions(browser, baseUrl, cookies),
    };
  } finally {
    await browser.close();
  }
}
