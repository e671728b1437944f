// Which failures may have reached Telnyx: the rule that decides whether a change is read back.
// eslint-disable-next-line no-restricted-imports
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "telnyx";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { ambiguityOf, withAmbiguity, worseAmbiguity } from "@/lib/telnyx/errors";

const status = (code: number) => APIError.generate(code, { errors: [] }, undefined, new Headers());
const connection = (code: string) =>
  new APIConnectionError({ cause: Object.assign(new Error(code), { code }) });

describe("ambiguityOf", () => {
  it.each([
    [500, "answered"],
    [502, "answered"],
    [503, "answered"],
    [504, "answered"],
    [408, "answered"],
  ])("a %i may have been applied before Telnyx failed: %s", (code, expected) => {
    expect(ambiguityOf(status(code), false)).toBe(expected);
  });

  it.each([400, 401, 403, 404, 409, 422, 429])("a %i changed nothing", (code) => {
    expect(ambiguityOf(status(code), false)).toBeUndefined();
  });

  it("our deadline, a per-attempt timeout, an abort and a reset leave the request in flight", () => {
    expect(ambiguityOf(status(400), true)).toBe("in_flight");
    expect(ambiguityOf(new APIConnectionTimeoutError(), false)).toBe("in_flight");
    expect(ambiguityOf(new APIUserAbortError(), false)).toBe("in_flight");
    expect(ambiguityOf(connection("ECONNRESET"), false)).toBe("in_flight");
  });

  it("a connection refused before anything was sent changed nothing", () => {
    expect(ambiguityOf(connection("ECONNREFUSED"), false)).toBeUndefined();
    expect(ambiguityOf(connection("ENOTFOUND"), false)).toBeUndefined();
  });

  it("a body cut off or not JSON was an answer we could not read", () => {
    expect(ambiguityOf(new TypeError("terminated"), false)).toBe("answered");
    expect(ambiguityOf(new SyntaxError("Unexpected end of JSON input"), false)).toBe("answered");
    expect(ambiguityOf(new Error("something else"), false)).toBeUndefined();
  });
});

describe("worseAmbiguity and withAmbiguity", () => {
  it("keeps the least certain of several attempts", () => {
    expect(worseAmbiguity(undefined, "answered")).toBe("answered");
    expect(worseAmbiguity("answered", undefined)).toBe("answered");
    expect(worseAmbiguity("answered", "in_flight")).toBe("in_flight");
    expect(worseAmbiguity("in_flight", "answered")).toBe("in_flight");
    expect(worseAmbiguity(undefined, undefined)).toBeUndefined();
  });

  it("marks an error without losing what it said", () => {
    const error = new AppError("rate_limited", "Slow down", { retryAfter: 3, upstreamStatus: 429 });
    const marked = withAmbiguity(error, "answered");
    expect(marked).toMatchObject({
      code: "rate_limited",
      message: "Slow down",
      retryAfter: 3,
      ambiguity: "answered",
    });
    expect(withAmbiguity(error, undefined)).toBe(error);
  });
});
