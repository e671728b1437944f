import { describe, expect, it } from "vitest";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { hasUnsafeCharacters, queryInteger, reasonSchema, unsafeTextMessage } from "@/lib/schemas/common";
import {
  createManagedAccountBodySchema,
  managedAccountListQuerySchema,
} from "@/lib/schemas/managed-accounts";
import { orgUserListQuerySchema, removeOrgUserBodySchema } from "@/lib/schemas/org-users";
import { createStaffBodySchema, updateStaffBodySchema } from "@/lib/schemas/staff";

// The shared text rule and query-number rule, checked through the schemas the handlers and forms use.

const unsafe: [string, string][] = [
  ["NUL", "Acme\u0000Corp"],
  ["ESC", "Acme\u001b[31mCorp"],
  ["tab", "Acme\tCorp"],
  ["line feed", "Acme\nCorp"],
  ["carriage return", "Acme\rCorp"],
  ["DEL", "Acme\u007fCorp"],
  ["C1 (NEL)", "Acme\u0085Corp"],
  ["C1 (CSI)", "Acme\u009bCorp"],
  ["line separator", "Acme\u2028Corp"],
  ["right-to-left override", "Acme\u202eproC"],
  ["left-to-right embedding", "Acme\u202aCorp"],
  ["first strong isolate", "Acme\u2068Corp\u2069"],
  ["zero-width space", "Ac\u200bme"],
  ["left-to-right mark", "Acme\u200e"],
  ["right-to-left mark", "\u200fAcme"],
  ["word joiner", "Ac\u2060me"],
  ["byte order mark", "\ufeffAcme"],
  ["zero-width joiner at the edge", "Acme\u200d"],
  ["zero-width non-joiner beside a space", "Acme \u200cCorp"],
  ["soft hyphen", "Ac\u00adme"],
  ["Arabic letter mark", "Acme\u061c"],
  ["Hangul filler (a name that looks blank)", "\u3164"],
  ["Mongolian vowel separator", "Ac\u180eme"],
  ["interlinear annotation", "Acme\ufff9hidden\ufffb"],
  ["tag characters (hidden text)", "Acme\u{E0068}\u{E0069}"],
  ["lone high surrogate", "Acme\ud800"],
  ["lone low surrogate", "\udc00Acme"],
];

const safe: [string, string][] = [
  ["plain", "Acme Corp"],
  ["accents and other scripts", "Café Ünïcode 株式会社 Ελλάδα"],
  ["Persian with a zero-width non-joiner inside a word", "می\u200cخواهم"],
  ["an emoji sequence joined by zero-width joiners", "Team 👩‍👩‍👧"],
  ["an emoji with a skin tone joined on", "👍🏽\u200d🔥"],
  ["a right-to-left script", "שלום עולם"],
  ["a surrogate pair", "𝒜cme"],
  ["a flag emoji", "Acme 🇩🇪"],
];

describe("hasUnsafeCharacters", () => {
  for (const [name, text] of unsafe) {
    it(`refuses ${name}`, () => expect(hasUnsafeCharacters(text)).toBe(true));
  }
  for (const [name, text] of safe) {
    it(`accepts ${name}`, () => expect(hasUnsafeCharacters(text)).toBe(false));
  }
  it("keeps tab and line breaks in multi-line text, but not NUL or ESC", () => {
    expect(hasUnsafeCharacters("line one\r\nline two\tend", { multiline: true })).toBe(false);
    expect(hasUnsafeCharacters("a\u0000b", { multiline: true })).toBe(true);
    expect(hasUnsafeCharacters("a\u001bb", { multiline: true })).toBe(true);
    expect(hasUnsafeCharacters("a\u202eb", { multiline: true })).toBe(true);
  });
});

interface ParseResult {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}

function fieldMessage(result: ParseResult, field: string) {
  expect(result.success).toBe(false);
  return result.error?.issues.find((issue) => issue.path.join(".") === field)?.message;
}

describe("every text field of every schema uses the rule", () => {
  const nul = "bad\u0000value";
  const cases: [string, () => ParseResult, string][] = [
    [
      "account businessName",
      () => createManagedAccountBodySchema.safeParse({ businessName: nul }),
      "businessName",
    ],
    [
      "account password",
      () => createManagedAccountBodySchema.safeParse({ businessName: "Acme", password: `pass${nul}word` }),
      "password",
    ],
    [
      "staff name",
      () =>
        createStaffBodySchema.safeParse({
          email: "a@b.test",
          name: nul,
          role: "viewer",
          password: "long enough password",
        }),
      "name",
    ],
    [
      "staff password",
      () =>
        createStaffBodySchema.safeParse({
          email: "a@b.test",
          name: "Ann",
          role: "viewer",
          password: `long enough ${nul}`,
        }),
      "password",
    ],
    [
      "staff password change",
      () => updateStaffBodySchema.safeParse({ password: `long enough ${nul}` }),
      "password",
    ],
    ["accounts email filter", () => managedAccountListQuerySchema.safeParse({ email: nul }), "email"],
    ["accounts org filter", () => managedAccountListQuerySchema.safeParse({ org: "ab\u202ecd" }), "org"],
    ["users email filter", () => orgUserListQuerySchema.safeParse({ email: nul }), "email"],
    ["audit actor filter", () => auditListQuerySchema.safeParse({ actor: nul }), "actor"],
    ["audit action filter", () => auditListQuerySchema.safeParse({ action: "x\u009by" }), "action"],
    ["audit target filter", () => auditListQuerySchema.safeParse({ target: "x\u2066y" }), "target"],
    ["audit from", () => auditListQuerySchema.safeParse({ from: "2025-01-01\u0000" }), "from"],
    ["a reason", () => reasonSchema.safeParse(`Because${nul}`), ""],
  ];
  for (const [name, parse, field] of cases) {
    it(`${name} refuses NUL and other control characters with the field message`, () => {
      expect(fieldMessage(parse(), field)).toBe(unsafeTextMessage);
    });
  }

  it("email fields refuse them through the email rule (ASCII only)", () => {
    for (const email of ["a\u0000@b.test", "a@b.test\u202e", "a\u200b@b.test", "a@b.te\u0085st"]) {
      expect(createManagedAccountBodySchema.safeParse({ businessName: "Acme", email }).success).toBe(false);
      const removal = { reason: "Left the company", confirmEmail: email };
      expect(removeOrgUserBodySchema.safeParse(removal).success).toBe(false);
      const person = { email, name: "Ann", role: "viewer", password: "long enough password" };
      expect(createStaffBodySchema.safeParse(person).success).toBe(false);
    }
  });

  it("a staff name of Persian and emoji is accepted", () => {
    const parsed = createStaffBodySchema.safeParse({
      email: "a@b.test",
      name: "می\u200cخواهم 👩‍👩‍👧",
      role: "viewer",
      password: "long enough password",
    });
    expect(parsed.success).toBe(true);
  });
});

describe("reasons hold 3 visible characters", () => {
  const refused = [
    "\u200b\u200b\u200b",
    "\u200b\u200b\u200b\u200b\u200b\u200b",
    "a\u00a0\u00a0b",
    "e\u0301\u0301\u0301",
    "ab\n\n\t",
    "  ",
  ];
  for (const reason of refused) {
    it(`refuses ${JSON.stringify(reason)}`, () => expect(reasonSchema.safeParse(reason).success).toBe(false));
  }
  it("accepts three visible characters and keeps line breaks", () => {
    expect(reasonSchema.safeParse("abc").success).toBe(true);
    expect(reasonSchema.parse("  Ticket 4711\nasked by phone  ")).toBe("Ticket 4711\nasked by phone");
    expect(reasonSchema.safeParse("株式会").success).toBe(true);
  });
});

describe("query integers are plain decimals", () => {
  const pageSize = queryInteger("Page size", 1, 250, 25);
  const refused = [
    "1e2",
    "0x10",
    "+5",
    "-5",
    " 5",
    "5 ",
    "5.0",
    "5.5",
    "Infinity",
    "NaN",
    "0b11",
    "0o7",
    "１２",
    "1_0",
  ];
  for (const text of refused) {
    it(`refuses ${JSON.stringify(text)}`, () => expect(pageSize.safeParse(text).success).toBe(false));
  }
  it("accepts digits, a blank (the default) and real numbers from server code", () => {
    expect(pageSize.parse("100")).toBe(100);
    expect(pageSize.parse("007")).toBe(7);
    expect(pageSize.parse("")).toBe(25);
    expect(pageSize.parse(undefined)).toBe(25);
    expect(pageSize.parse(50)).toBe(50);
    expect(pageSize.safeParse("251").success).toBe(false);
    expect(pageSize.safeParse(2.5).success).toBe(false);
  });
  it("holds for every list schema's page and pageSize", () => {
    for (const schema of [managedAccountListQuerySchema, orgUserListQuerySchema, auditListQuerySchema]) {
      expect(schema.safeParse({ pageSize: "1e2" }).success).toBe(false);
      expect(schema.safeParse({ page: "0x10" }).success).toBe(false);
    }
  });
});
