import { describe, expect, it } from "vitest";
import { oidcSettingsFromEnv, parseRoleMap, roleFromClaim } from "@/lib/auth/oidc/config";

describe("OIDC_ROLE_MAP", () => {
  it("parses group=role pairs, spaces and empty entries aside", () => {
    const map = parseRoleMap(" subdesk-admins=admin, subdesk-support = support,, ");
    expect([...map]).toEqual([
      ["subdesk-admins", "admin"],
      ["subdesk-support", "support"],
    ]);
  });

  it("refuses an unknown role or an entry without a group, naming it", () => {
    expect(() => parseRoleMap("subdesk-admins=root")).toThrow(/"root" in "subdesk-admins=root"/);
    expect(() => parseRoleMap("=admin")).toThrow(/"=admin" is not group=role/);
    expect(() => parseRoleMap("admins")).toThrow(/"admins" is not group=role/);
  });

  it("gives the strongest mapped role, or null when nothing maps", () => {
    const map = parseRoleMap("subdesk-admins=admin,subdesk-support=support,subdesk-viewers=viewer");
    expect(roleFromClaim(["subdesk-viewers", "subdesk-admins"], map)).toBe("admin");
    expect(roleFromClaim("subdesk-support other", map)).toBe("support");
    expect(roleFromClaim(["subdesk-contractors"], map)).toBeNull();
    expect(roleFromClaim(undefined, map)).toBeNull();
    expect(roleFromClaim([42, null], map)).toBeNull();
  });
});

describe("OIDC settings from the environment", () => {
  it("is off without OIDC_ISSUER and needs a client id with it", () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(() => oidcSettingsFromEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID/);
    const settings = oidcSettingsFromEnv({
      OIDC_ISSUER: "https://idp.example/",
      OIDC_CLIENT_ID: "subdesk",
      OIDC_ROLE_MAP: "staff=viewer",
    });
    expect(settings).toMatchObject({
      issuer: "https://idp.example",
      roleClaim: "groups",
      autoProvision: false,
    });
    expect(settings?.roleMap.get("staff")).toBe("viewer");
  });
});
