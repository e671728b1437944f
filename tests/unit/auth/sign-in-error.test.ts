import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInErrorMessage } from "@/components/auth/sign-in-error";

describe("sign-in messages and callback paths", () => {
  it("tells a throttled person when to retry, and a wrong password apart from success", () => {
    expect(signInErrorMessage("rate_limited:120", 429)).toMatch(/Try again in 2 minutes/);
    expect(signInErrorMessage(null, 429)).toMatch(/Too many failed sign-ins/);
    expect(signInErrorMessage("CredentialsSignin", 401)).toMatch(/do not match/);
    expect(signInErrorMessage(null, 200)).toBeNull();
  });

  it("keeps the callback on this site", () => {
    expect(safeCallbackPath("/accounts?page=2")).toBe("/accounts?page=2");
    expect(safeCallbackPath("http://localhost:3000/audit", "http://localhost:3000")).toBe("/audit");
    expect(safeCallbackPath("http://elsewhere.example/audit", "http://localhost:3000")).toBe("/");
    for (const hostile of [
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "/login",
      undefined,
    ]) {
      expect(safeCallbackPath(hostile)).toBe("/");
    }
  });
});
