import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { addSimUser, auditRows, simUsers, type SimUser } from "../support/org-users";
import { injectFault, requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";

// GET /api/org-users/groups-report?format=csv|json: streamed CSV with formula cells neutralised, JSON,
// a dated attachment name, one report.export audit row per export, and the role matrix.

const COLUMNS = "id,email,user_status,created_at,last_sign_in_at,groups";
const FORMULA_START = /^[=+\-@\t\r]/;

let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;

/** RFC 4180 parsing, enough for the assertions: quoted cells with "", commas and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let isQuoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isQuoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      isQuoted = !isQuoted;
    } else if (isQuoted || (char !== "," && char !== "\n" && char !== "\r")) {
      cell += char;
    } else if (char === ",") {
      endCell();
    } else if (char === "\n") {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Today in UTC, and yesterday in case the request straddled midnight. */
function acceptableDates(): string[] {
  const now = Date.now();
  return [now, now - 60_000].map((time) => new Date(time).toISOString().slice(0, 10));
}

function expectAttachment(response: Response, extension: "csv" | "json") {
  const disposition = response.headers.get("content-disposition") ?? "";
  const match = /^attachment; filename="subdesk-users-groups-(\d{4}-\d{2}-\d{2})\.(csv|json)"$/.exec(
    disposition,
  );
  expect(match, disposition).not.toBeNull();
  expect(acceptableDates()).toContain(match?.[1]);
  expect(match?.[2]).toBe(extension);
}

beforeAll(async () => {
  [admin, support, viewer] = await Promise.all([signIn("admin"), signIn("support"), signIn("viewer")]);
});

beforeEach(async () => {
  await resetSim();
});

describe("CSV", () => {
  it("streams every simulator user, in order, with exactly the report's columns and a dated name", async () => {
    const everyone = await simUsers();
    const response = await support.get("/api/org-users/groups-report?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expectAttachment(response, "csv");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    expect(text.split("\n")[0]).toBe(COLUMNS);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(COLUMNS.split(","));
    expect(rows).toEqual(
      everyone.map((user: SimUser) => [
        user.id,
        user.email,
        user.user_status,
        user.created_at,
        user.last_sign_in_at ?? "",
        user.groups.join(", "),
      ]),
    );
  });

  it("neutralises an email and a group that a spreadsheet would run as formulas", async () => {
    const emailFormula = await addSimUser({
      email: '=HYPERLINK("http://evil.example","x")@x.example',
      groups: ["Sales"],
    });
    const groupFormula = await addSimUser({
      email: "grace.hopper@x.example",
      groups: ["+SUM(A1:A9)", "Billing"],
    });
    const atSign = await addSimUser({ email: "@import@x.example", groups: ["-2+3"] });
    const text = await (await admin.get("/api/org-users/groups-report?format=csv")).text();
    const rows = new Map(parseCsv(text).map((row) => [row[0], row]));
    expect(rows.get(emailFormula.id)?.[1]).toBe(`'${emailFormula.email}`);
    expect(rows.get(groupFormula.id)?.slice(1)).toEqual([
      "grace.hopper@x.example",
      "enabled",
      expect.any(String),
      "",
      "'+SUM(A1:A9), Billing",
    ]);
    expect(rows.get(atSign.id)?.[1]).toBe("'@import@x.example");
    expect(rows.get(atSign.id)?.[5]).toBe("'-2+3");
    // The quoting is kept: the neutralised group cell is still one quoted cell.
    expect(text).toContain(`,"'+SUM(A1:A9), Billing"`);
    for (const row of rows.values()) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
  });

  it("writes one report.export row per export, completed as a success, with the format", async () => {
    const before = (await auditRows(admin, "report.export")).length;
    await (await support.get("/api/org-users/groups-report?format=csv")).text();
    const rows = await auditRows(admin, "report.export");
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ actorEmail: "support@subdesk.test", outcome: "success" });
    expect(rows[0]?.requestSummary).toMatchObject({ format: "csv" });
  });
});

describe("JSON", () => {
  it("answers { data } with every user and their groups, as an attachment", async () => {
    const everyone = await simUsers();
    const response = await admin.get("/api/org-users/groups-report?format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectAttachment(response, "json");
    const body = (await response.json()) as {
      data: { id: string; email: string; bypassesSso: boolean; groups: { name: string }[] }[];
    };
    expect(
      body.data.map((user) => [user.id, user.email, user.bypassesSso, user.groups.map((g) => g.name)]),
    ).toEqual(
      everyone.map((user) => [user.id, user.email, user.organization_user_bypasses_sso, user.groups]),
    );
    const rows = await auditRows(admin, "report.export");
    expect(rows[0]).toMatchObject({ actorEmail: "admin@subdesk.test", outcome: "success" });
    expect(rows[0]?.requestSummary).toMatchObject({ format: "json" });
  });
});

describe("refusals and upstream trouble", () => {
  it("a viewer may not export (403), and Telnyx hears nothing", async () => {
    await resetRequestCounts();
    for (const format of ["csv", "json"]) {
      const response = await viewer.get(`/api/org-users/groups-report?format=${format}`);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect((await requestCounts()).GetOrganizationUsersGroupsReport).toBe(0);
  });

  it("an unknown format is 400 on format, with no upstream request", async () => {
    await resetRequestCounts();
    const response = await admin.get("/api/org-users/groups-report?format=xlsx");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields?: Record<string, string> } };
    expect(body.error.fields?.format).toEqual(expect.any(String));
    expect((await requestCounts()).GetOrganizationUsersGroupsReport).toBe(0);
  });

  it("a failure before the first byte is our JSON error envelope, and the audit row a failure", async () => {
    await injectFault({
      operation: "GetOrganizationUsersGroupsReport",
      kind: "server_error",
      status: 503,
      times: 10,
    });
    const response = await admin.get("/api/org-users/groups-report?format=csv");
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("upstream_unavailable");
    const rows = await auditRows(admin, "report.export");
    expect(rows[0]).toMatchObject({ outcome: "failure" });
  });

  it("a failure mid-stream breaks the download instead of ending it short, and is audited", async () => {
    // The simulator sends its first chunk, then drops the connection while promising more.
    await injectFault({ operation: "GetOrganizationUsersGroupsReport", kind: "truncate", times: 1 });
    const response = await admin.get("/api/org-users/groups-report?format=csv");
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    // The row is completed when the stream fails; give the server a moment to write it.
    let outcome: string | undefined;
    for (let attempt = 0; attempt < 20 && outcome !== "failure"; attempt += 1) {
      outcome = (await auditRows(admin, "report.export"))[0]?.outcome;
      if (outcome !== "failure") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outcome).toBe("failure");
  });
});
