import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  recoveryCodeMatches,
  RECOVERY_CODE_COUNT,
} from "@/lib/auth/mfa/recovery-codes";
import { deriveKeyForTests, openSecret, sealSecret } from "@/lib/auth/mfa/secret-box";
import { matchTotp, newTotpSecret, timeStepAt } from "@/lib/auth/mfa/totp";

const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" }).generate({
    timestamp: at.getTime(),
  });

describe("TOTP codes", () => {
  const secret = newTotpSecret();
  const at = new Date("2026-12-01T12:00:10Z");

  it("accepts the current step and one step either side, nothing further", () => {
    expect(matchTotp(secret, codeAt(secret, at), at, null)).toBe(timeStepAt(at));
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(
      timeStepAt(at) - 1,
    );
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(
      timeStepAt(at) + 1,
    );
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() - 60_000)), at, null)).toBeNull();
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() + 60_000)), at, null)).toBeNull();
  });

  it("refuses a code whose step was already used, or an older one", () => {
    const step = timeStepAt(at);
    expect(matchTotp(secret, codeAt(secret, at), at, step)).toBeNull();
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() - 30_000)), at, step)).toBeNull();
    expect(matchTotp(secret, codeAt(secret, new Date(at.getTime() + 30_000)), at, step)).toBe(step + 1);
  });

  it("refuses what is not six digits and another secret's code", () => {
    expect(matchTotp(secret, "12345", at, null)).toBeNull();
    expect(matchTotp(secret, "abcdef", at, null)).toBeNull();
    expect(matchTotp(secret, codeAt(newTotpSecret(), at), at, null)).toBeNull();
  });
});

describe("the TOTP secret box (AES-256-GCM)", () => {
  const key = deriveKeyForTests("a test secret that is long enough to count");
  const owner = "8f14e45f-ceea-467f-a0e6-1a2b3c4d5e6f";

  it("opens what it sealed, for the same owner and key", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", owner, key);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, owner, key)).toBe("JBSWY3DPEHPK3PXP");
    expect(sealSecret("JBSWY3DPEHPK3PXP", owner, key)).not.toBe(sealed);
  });

  it("refuses a tampered box, another owner, another key and garbage", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", owner, key);
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(openSecret([version, iv, tag, flipped.toString("base64url")].join("."), owner, key)).toBeNull();
    expect(openSecret(sealed, "someone-else", key)).toBeNull();
    expect(openSecret(sealed, owner, deriveKeyForTests("another secret entirely, also long"))).toBeNull();
    expect(openSecret("v1.not.a.box", owner, key)).toBeNull();
    expect(openSecret("", owner, key)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct 16-character codes, matched only by their own salted hash", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const stored = hashRecoveryCode(codes[0]!);
    expect(stored).not.toContain(codes[0]!.replaceAll("-", ""));
    expect(hashRecoveryCode(codes[0]!)).not.toBe(stored);
    expect(recoveryCodeMatches(codes[0]!.toLowerCase().replaceAll("-", " "), stored)).toBe(true);
    expect(recoveryCodeMatches(codes[1]!, stored)).toBe(false);
    expect(recoveryCodeMatches(codes[0]!, "garbage")).toBe(false);
  });
});
