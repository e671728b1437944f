// toAppError on SDK errors built by hand: every status and failure class, without a network.
// The one test outside lib/telnyx that needs the SDK: it builds the SDK's own error classes to map them.
// eslint-disable-next-line no-restricted-imports
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "telnyx";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { toAppError } from "@/lib/telnyx/errors";
import { fieldFromParameter, fieldFromPointer } from "@/lib/telnyx/field-names";

function statusError(status: number, errors: unknown[] = [], headers: Record<string, string> = {}) {
  return APIError.generate(status, { errors }, undefined, new Headers(headers));
}

const item = (detail: string, source: Record<string, string>) => ({
  code: "10015",
  title: "Bad",
  detail,
  source,
});

describe("toAppError", () => {
  it.each([
    [400, "bad_request"],
    [401, "upstream_unavailable"],
    [403, "forbidden"],
    [404, "not_found"],
    [409, "conflict"],
    [422, "validation_failed"],
    [429, "rate_limited"],
    [500, "upstream_unavailable"],
    [502, "upstream_unavailable"],
    [418, "upstream_unavailable"],
  ])("maps HTTP %i to %s and keeps the upstream status", (status, code) => {
    const error = toAppError(statusError(status));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, upstreamStatus: status });
  });

  it("maps 422 pointers and parameters to our field names, Telnyx's detail as the message", () => {
    const error = toAppError(
      statusError(422, [
        item("is taken", { pointer: "/email" }),
        item("too long", { pointer: "/business_name" }),
        item("no", { pointer: "/managed_account_allow_custom_pricing" }),
        item("fixed", { pointer: "/rollup_billing" }),
        item("too many", { pointer: "/channel_limit" }),
        item("bad flag", { pointer: "/reenable_all_connections" }),
        item("3 chars", { parameter: "filter[organization_name][contains]" }),
        item("size", { parameter: "page[size]" }),
        item("cancelled account", { pointer: "/" }),
      ]),
    );
    expect(error.fields).toEqual({
      email: "is taken",
      businessName: "too long",
      allowCustomPricing: "no",
      rollupBilling: "fixed",
      channelLimit: "too many",
      reenableAllConnections: "bad flag",
      org: "3 chars",
      pageSize: "size",
      _: "cancelled account",
    });
    expect(error.message).toBe("Telnyx did not accept some of the values.");
    expect(error.internalMessage).toContain("422");
    expect(error.internalMessage).not.toContain("is taken");
  });

  it("keeps Telnyx's detail out of a 400's messages", () => {
    const error = toAppError(
      statusError(400, [item("secret-ish detail", { parameter: "filter[email][eq]" })]),
    );
    expect(error.fields).toEqual({ email: "Telnyx did not accept this value." });
    expect(JSON.stringify({ message: error.message, fields: error.fields })).not.toContain("secret-ish");
  });

  it("reads retryAfter from retry-after-ms, retry-after (seconds or date) and x-ratelimit-reset", () => {
    expect(toAppError(statusError(429, [], { "retry-after-ms": "1500" })).retryAfter).toBe(2);
    expect(toAppError(statusError(429, [], { "retry-after": "7" })).retryAfter).toBe(7);
    const date = new Date(Date.now() + 10_000).toUTCString();
    expect(toAppError(statusError(429, [], { "retry-after": date })).retryAfter).toBeGreaterThanOrEqual(9);
    expect(toAppError(statusError(429, [], { "x-ratelimit-reset": "42" })).retryAfter).toBe(42);
    expect(toAppError(statusError(429)).retryAfter).toBeUndefined();
  });

  it("maps connection failures, timeouts and cut bodies", () => {
    expect(toAppError(new APIConnectionTimeoutError()).code).toBe("upstream_timeout");
    expect(toAppError(new APIUserAbortError()).code).toBe("upstream_timeout");
    expect(toAppError(new APIConnectionError({ cause: new Error("ECONNREFUSED") })).code).toBe(
      "upstream_unavailable",
    );
    expect(toAppError(new SyntaxError("Unexpected end of JSON input")).code).toBe("upstream_unavailable");
    const terminated = new TypeError("terminated", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    });
    expect(toAppError(terminated).code).toBe("upstream_unavailable");
  });

  it("treats our own bugs as internal and passes AppErrors through", () => {
    expect(toAppError(new TypeError("Cannot read properties of undefined (reading 'id')")).code).toBe(
      "internal",
    );
    const mine = new AppError("conflict", "mine");
    expect(toAppError(mine)).toBe(mine);
  });
});

describe("field names", () => {
  it("maps unknown names by camel-casing, and whole-request pointers to nothing", () => {
    expect(fieldFromPointer("/some_new_field")).toBe("someNewField");
    expect(fieldFromPointer("/")).toBeUndefined();
    expect(fieldFromPointer(undefined)).toBeUndefined();
    expect(fieldFromParameter("filter[user_status]")).toBe("status");
    expect(fieldFromParameter("include_cancelled_accounts")).toBe("includeCancelled");
    expect(fieldFromParameter("id")).toBe("id");
  });
});
