import { describe, expect, it } from "vitest";
import { confirmationText, createJobBodySchema } from "@/lib/schemas/jobs";

const id = "5b0f7c62-7f3e-4c5e-9a51-2d1f0c9b8a11";
const base = { action: "account.disable", reason: "Offboarding", target: { ids: [id] } };

describe("the create-job body", () => {
  it("dedupes ids case-insensitively, defaults params and keeps the action's own parameters", () => {
    const parsed = createJobBodySchema.parse({ ...base, target: { ids: [id, id.toUpperCase()] } });
    expect(parsed.target).toEqual({ ids: [id] });
    expect(parsed.params).toEqual({});
    const limit = createJobBodySchema.parse({
      ...base,
      action: "account.channel_limit",
      params: { channelLimit: 0 },
    });
    expect(limit.params).toEqual({ channelLimit: 0 });
  });

  it("refuses both ids and a view, neither, and a view filter the list itself refuses", () => {
    const paths = (body: unknown) =>
      createJobBodySchema.safeParse(body).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths({ ...base, target: { ids: [id], view: {} } })).toContain("target");
    expect(paths({ ...base, target: {} })).toContain("target");
    expect(paths({ ...base, target: { view: { pageSize: "1e2" } } })).toContain("target.view.pageSize");
    expect(paths({ ...base, action: "org_user.remove", target: { view: { status: "gone" } } })).toContain(
      "target.view.status",
    );
  });

  it("names each action's confirmation", () => {
    expect(confirmationText("account.disable", 240)).toBe("disable 240");
    expect(confirmationText("account.channel_limit", 30)).toBe("set 30");
    expect(confirmationText("account.pricing", 26)).toBe("pricing 26");
    expect(confirmationText("org_user.remove", 40)).toBe("remove 40");
  });
});
