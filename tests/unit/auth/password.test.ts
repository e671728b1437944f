import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses a salted, versioned scrypt format and verifies only the right password", async () => {
    const [first, second] = await Promise.all([
      hashPassword("s3cret pass phrase"),
      hashPassword("s3cret pass phrase"),
    ]);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("s3cret pass phrase", first)).toBe(true);
    expect(await verifyPassword("s3cret pass phrasE", first)).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it("reads hashes made with other parameters, and flags weaker ones for rehashing", async () => {
    const weak = "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43);
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword("anything", weak)).toBe(false);
  });

  it("answers false, without throwing, for malformed or hostile hashes", async () => {
    for (const stored of [
      "",
      "plain",
      "bcrypt$x",
      "scrypt$3$8$1$a$b",
      "scrypt$2147483648$8$1$YQ$YWFhYWFhYWFhYWFhYWFhYQ",
    ]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });

  it("explains a password that is too short or too long", () => {
    expect(passwordProblem("short")).toMatch(/12/);
    expect(passwordProblem("x".repeat(300))).toMatch(/256/);
    expect(passwordProblem("long enough password")).toBeNull();
  });
});
