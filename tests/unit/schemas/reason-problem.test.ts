import { describe, expect, it } from "vitest";
import { reasonSchema } from "@/lib/schemas/common";
import { reasonProblem } from "@/lib/schemas/text-rules";

// Dialogs check a reason with reasonProblem (no zod in their bundle); the API with reasonSchema. Same
// answers, same first message, so the dialog says what the server would.
const reasons = [
  "",
  "  ",
  "ok",
  " ok ",
  "fine",
  "\u200b\u200b\u200bab",
  "line one\nline two",
  "tab\there",
  "nul\u0000here",
  "bidi \u202e here",
  "x".repeat(500),
  ` ${"x".repeat(500)} `,
  "x".repeat(501),
];

describe("reasonProblem agrees with reasonSchema", () => {
  it.each(reasons)("%j", (reason) => {
    const parsed = reasonSchema.safeParse(reason);
    expect(reasonProblem(reason)).toBe(parsed.success ? undefined : parsed.error.issues[0]?.message);
  });
});
