import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { parseCsv } from "../support/csv";
import { addSimUser, auditRows, expectedReasons, simUsers } from "../support/org-users";
import { resetSim } from "../support/sim-control";
import { waitForEnd, waitForNoLiveJobs } from "./jobs-fixtures";

// Access review campaigns: the frozen set comes from the simulator's own users and the rule,
// never written down here; the removal job is checked against the simulator's users afterwards.

interface Review {
  id: string;
  name: string;
  status: string;
  total: number;
  decided: number;
  kept: number;
  removals: number;
  removalsPending: number;
  overdue: boolean;
  ownerName: string;
}
interface Item {
  id: string;
  email: string;
  flags: string[];
  decision: string | null;
  reason: string | null;
  jobId: string | null;
  removal: string | null;
}
interface Detail {
  data: Review;
  items: Item[];
  meta: { totalResults: number };
}

let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;

const reason = "still needed for on-call";
const start = async (client: ApiClient, body: unknown = { name: "Q4 review", dueDate: "2030-01-31" }) =>
  client.post("/api/access-reviews", body);
const started = async (client = admin, dueDate = "2030-01-31") => {
  const response = await start(client, { name: `Review ${Date.now()}`, dueDate });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: Review }).data;
};
const detail = (client: ApiClient, id: string, query = "?pageSize=250") =>
  client.getJson<Detail>(`/api/access-reviews/${id}${query}`);
const decide = (client: ApiClient, id: string, body: unknown) =>
  client.post(`/api/access-reviews/${id}/decisions`, body);

beforeAll(async () => {
  await resetSim();
  [admin, support, viewer] = [await signIn("admin"), await signIn("support"), await signIn("viewer")];
});

afterAll(async () => {
  await waitForNoLiveJobs(admin);
  await resetSim();
});

describe("access review campaigns", () => {
  it("freezes exactly the people the simulator's data flags, and later changes do not enter it", async () => {
    const expected = (await simUsers())
      .map((user) => ({ id: user.id, email: user.email, flags: expectedReasons(user) }))
      .filter((entry) => entry.flags.length > 0);
    const review = await started(support);
    expect(review).toMatchObject({ status: "open", total: expected.length, decided: 0, overdue: false });
    await addSimUser({ email: `late-${Date.now()}@example.test`, last_sign_in_at: null });
    const { items, meta } = await detail(viewer, review.id);
    expect(meta.totalResults).toBe(expected.length);
    expect(items.map(({ id, email, flags }) => ({ id, email, flags }))).toEqual(expected);
    const [row] = await auditRows(admin, "access_review.start", review.id);
    expect(row).toMatchObject({ outcome: "success", actorEmail: expect.stringContaining("support") });
  });

  it("keeps need a reason, removals may go without; bulk decisions record one reason for many", async () => {
    const review = await started();
    const { items } = await detail(admin, review.id);
    const [first, second, third] = items;
    const noReason = await decide(support, review.id, { itemIds: [first!.id], decision: "keep" });
    expect(noReason.status).toBe(422);
    expect(
      ((await noReason.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toHaveProperty("reason");
    const shortReason = await decide(support, review.id, {
      itemIds: [first!.id],
      decision: "keep",
      reason: " a ",
    });
    expect(shortReason.status).toBe(422);
    const stranger = await decide(support, review.id, { itemIds: ["not-in-review"], decision: "remove" });
    expect(stranger.status).toBe(422);

    expect(
      (await decide(support, review.id, { itemIds: [first!.id], decision: "keep", reason })).status,
    ).toBe(200);
    const bulk = await decide(support, review.id, { itemIds: [second!.id, third!.id], decision: "remove" });
    expect(bulk.status).toBe(200);
    expect((await bulk.json()) as unknown).toMatchObject({ data: { decided: 2, closed: false } });
    const after = await detail(viewer, review.id);
    expect(after.data).toMatchObject({ decided: 3, kept: 1, removals: 2, removalsPending: 2 });
    expect(after.items[0]).toMatchObject({ decision: "keep", reason });
    expect(after.items[1]).toMatchObject({ decision: "remove", reason: null });
    expect((await detail(viewer, review.id, "?decision=undecided")).meta.totalResults).toBe(items.length - 3);
    // The refused stranger's attempt is a failure row of its own.
    const rows = (await auditRows(admin, "access_review.decide", review.id)).filter(
      (row) => row.outcome === "success",
    );
    expect(rows.map((row) => row.requestSummary)).toEqual([
      { decision: "remove", count: 2 },
      { decision: "keep", count: 1 },
    ]);
    expect(rows[1]).toMatchObject({ reason, outcome: "success" });
    // The viewer reads but does not decide.
    expect((await decide(viewer, review.id, { itemIds: [first!.id], decision: "remove" })).status).toBe(403);
  });

  it("runs ONE removal job (admin only) that removes exactly the people decided remove", async () => {
    const review = await started();
    const { items } = await detail(admin, review.id);
    const subUsers = new Set(
      (await simUsers())
        .filter((user) => user.record_type === "organization_sub_user")
        .map((user) => user.id),
    );
    const removable = items.filter((item) => subUsers.has(item.id));
    const [kept, ...rest] = removable;
    const removed = rest.slice(0, 2);
    await decide(admin, review.id, { itemIds: [kept!.id], decision: "keep", reason });
    await decide(support, review.id, { itemIds: removed.map((item) => item.id), decision: "remove" });

    expect((await support.post(`/api/access-reviews/${review.id}/remove`)).status).toBe(403);
    const response = await admin.post(`/api/access-reviews/${review.id}/remove`);
    expect(response.status).toBe(202);
    const job = ((await response.json()) as { data: { id: string; total: number } }).data;
    expect(job.total).toBe(2);
    expect(await waitForEnd(admin, job.id)).toMatchObject({ status: "succeeded", done: 2 });
    const left = new Set((await simUsers()).map((user) => user.id));
    expect(removed.filter((item) => left.has(item.id))).toEqual([]);
    expect(left.has(kept!.id)).toBe(true);
    expect(
      items
        .filter((item) => !left.has(item.id))
        .map((item) => item.id)
        .sort(),
    ).toEqual(removed.map((item) => item.id).sort());
    const after = await detail(admin, review.id);
    expect(after.data.removalsPending).toBe(0);
    expect(after.items.filter((item) => item.jobId === job.id).map((item) => item.removal)).toEqual([
      "done",
      "done",
    ]);
    // A second run has nothing to do, and a started removal cannot be re-decided.
    expect((await admin.post(`/api/access-reviews/${review.id}/remove`)).status).toBe(409);
    expect(
      (await decide(admin, review.id, { itemIds: [removed[0]!.id], decision: "keep", reason })).status,
    ).toBe(409);
  }, 150_000);

  it("closes for the owner or an admin with the undecided listed, and exports formula-safe CSV evidence", async () => {
    const review = await started(support);
    const { items } = await detail(admin, review.id);
    const formula = '=HYPERLINK("http://evil.example")';
    await decide(support, review.id, { itemIds: [items[0]!.id], decision: "keep", reason: formula });
    await decide(support, review.id, {
      itemIds: [items[1]!.id],
      decision: "remove",
      reason: "+left the company",
    });

    const other = await started(admin);
    expect((await support.post(`/api/access-reviews/${other.id}/close`)).status).toBe(403);
    const closed = await support.post(`/api/access-reviews/${review.id}/close`);
    expect(closed.status).toBe(200);
    const body = (await closed.json()) as { data: Review & { undecided: string[] } };
    expect(body.data.status).toBe("closed");
    expect(body.data.undecided).toEqual(items.slice(2).map((item) => item.email));
    expect((await decide(support, review.id, { itemIds: [items[2]!.id], decision: "remove" })).status).toBe(
      409,
    );
    expect((await auditRows(admin, "access_review.close", review.id))[0]).toMatchObject({
      outcome: "success",
      targetLabel: `${review.name} (${items.length - 2} left undecided)`,
    });

    expect((await viewer.get(`/api/access-reviews/${review.id}/decisions.csv`)).status).toBe(403);
    const csv = await support.get(`/api/access-reviews/${review.id}/decisions.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual([
      "person",
      "email",
      "flags",
      "decision",
      "reason",
      "decided_by",
      "decided_at",
      "removal_job_id",
      "removal_outcome",
    ]);
    expect(rows.filter((row) => row.length > 1)).toHaveLength(items.length + 1);
    expect(rows[1]!.slice(0, 5)).toEqual([
      items[0]!.id,
      items[0]!.email,
      items[0]!.flags.join(" "),
      "keep",
      `'${formula}`,
    ]);
    expect(rows[2]!.slice(3, 5)).toEqual(["remove", "'+left the company"]);
    expect(rows[1]![5]).toContain("support");
    expect(rows[3]!.slice(3, 7)).toEqual(["", "", "", ""]);
  });

  it("marks an open review past its due date overdue, and refuses bad input with field messages", async () => {
    const review = await started(admin, "2020-01-01");
    expect(review.overdue).toBe(true);
    for (const body of [
      { name: "", dueDate: "2030-01-01" },
      { name: "x", dueDate: "2030-02-30" },
      { name: "x\u202e", dueDate: "2030-01-01" },
      { name: "x", dueDate: "2030-01-01", extra: 1 },
    ]) {
      const response = await start(admin, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect((await start(viewer)).status).toBe(403);
    const list = await viewer.getJson<{ data: Review[] }>("/api/access-reviews?status=open");
    expect(list.data.map((entry) => entry.id)).toContain(review.id);
  });
});
