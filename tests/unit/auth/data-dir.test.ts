import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoCredentialsFile, demoCredentialsFileForDisplay } from "@/lib/auth/data-dir";

// The sign-in page's hint once named `.data/demo-credentials.txt` whatever DATA_DIR said.
describe("the demo credentials file the sign-in page names", () => {
  const saved = process.env.DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
  });

  it("follows DATA_DIR, relative to where the server runs when inside it", () => {
    process.env.DATA_DIR = path.join(".test-data", "unit-data-dir");
    expect(demoCredentialsFile()).toBe(path.resolve(".test-data", "unit-data-dir", "demo-credentials.txt"));
    expect(demoCredentialsFileForDisplay()).toBe(
      path.join(".test-data", "unit-data-dir", "demo-credentials.txt"),
    );
  });

  it("names the full path when DATA_DIR is elsewhere", () => {
    const elsewhere = path.join(path.parse(process.cwd()).root, "tmp", "subdesk-unit-data-dir");
    process.env.DATA_DIR = elsewhere;
    expect(demoCredentialsFileForDisplay()).toBe(path.join(elsewhere, "demo-credentials.txt"));
  });
});
