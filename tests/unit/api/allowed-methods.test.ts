import { afterEach, describe, expect, it } from "vitest";
import {
  allowedMethods,
  apiMethodGateKey,
  publishApiMethodGate,
  type ApiMethodGate,
} from "@/lib/api/allowed-methods";

// The table proxy.ts refuses methods from, and the gate that lets an API request whose route takes its
// method skip the proxy (next.config.js marks it). A wrong "yes" would skip a refusal: Next would answer a
// bare 405 without Allow or our envelope.

const published = () => (globalThis as { [apiMethodGateKey]?: ApiMethodGate })[apiMethodGateKey];

afterEach(() => {
  delete (globalThis as { [apiMethodGateKey]?: ApiMethodGate })[apiMethodGateKey];
});

describe("allowedMethods", () => {
  it("names what a route takes, in Allow order", () => {
    expect(allowedMethods("/api/managed-accounts")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/managed-accounts/abc")).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods("/api/managed-accounts/abc/disable")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/views/abc")).toEqual(["OPTIONS", "DELETE"]);
  });

  it("prefers a static route to a dynamic one", () => {
    expect(allowedMethods("/api/managed-accounts/export")).toEqual(["GET", "HEAD", "OPTIONS"]);
  });

  it("takes one trailing slash as the same path, static or dynamic, and no more", () => {
    expect(allowedMethods("/api/managed-accounts/")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/managed-accounts/export/")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/managed-accounts/abc/disable/")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/managed-accounts//")).toBeNull();
  });

  it("answers every page GET, HEAD and OPTIONS", () => {
    expect(allowedMethods("/accounts")).toEqual(["GET", "HEAD", "OPTIONS"]);
  });

  it("knows no path that is not a route of ours", () => {
    expect(allowedMethods("/api/no-such-route")).toBeNull();
    expect(allowedMethods("/api/auth")).toBeNull();
    expect(allowedMethods("/api/auth/session")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  });
});

describe("the API method gate", () => {
  it("is absent until published, so every API request goes through the proxy", () => {
    expect(published()).toBeUndefined();
    publishApiMethodGate();
    expect(typeof published()).toBe("function");
  });

  it("says yes only to a read the route takes", () => {
    publishApiMethodGate();
    const gate = published()!;
    expect(gate("/api/managed-accounts", "GET")).toBe(true);
    expect(gate("/api/managed-accounts", "HEAD")).toBe(true);
    expect(gate("/api/managed-accounts/abc", "GET")).toBe(true);
    // A change keeps the proxy's capped copy of its body (see allowed-methods.ts).
    expect(gate("/api/managed-accounts", "POST")).toBe(false);
    expect(gate("/api/managed-accounts/abc", "PATCH")).toBe(false);
    expect(gate("/api/managed-accounts", "PUT")).toBe(false);
    expect(gate("/api/managed-accounts/abc/disable", "GET")).toBe(false);
    expect(gate("/api/health", "TRACE")).toBe(false);
    expect(gate("/api/no-such-route", "GET")).toBe(false);
  });
});
