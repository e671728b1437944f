// A webhook URL is often a credential (a token in its query or path, a password in its userinfo): start-up
// refuses userinfo (fetch cannot send it anyway), and no attempt's error, which the delivery log answers to
// admins, repeats the URL.
import { describe, expect, it } from "vitest";
import { readWebhookConfig } from "@/lib/webhooks/config";
import { attemptFailureMessage } from "@/lib/webhooks/deliver";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;
const secret = "s".repeat(20);

describe("the webhook URL's secrets", () => {
  it("stops start-up on a URL with a user or password, without repeating them", () => {
    const read = () =>
      readWebhookConfig(
        env({
          SUBDESK_ALERT_WEBHOOK_URL: "https://hookuser:hookpassword@hooks.example.test/x",
          SUBDESK_ALERT_WEBHOOK_SECRET: secret,
        }),
      );
    expect(read).toThrow(/user name or password/);
    expect(read).not.toThrow(/hookpassword/);
  });

  it("keeps the URL out of an attempt's error", async () => {
    const urls = [
      "http://hookuser:hookpassword@127.0.0.1:9/hooks?token=querytoken",
      "http://127.0.0.1:1/services/T1/B2/pathtoken?token=querytoken",
    ];
    for (const url of urls) {
      const error = await fetch(url, { method: "POST", body: "{}" }).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).not.toBeNull();
      const message = attemptFailureMessage(error);
      for (const token of ["hookpassword", "querytoken", "pathtoken"]) expect(message).not.toContain(token);
      expect(message.length).toBeGreaterThan(0);
    }
    expect(attemptFailureMessage(new Error("refused by https://x.test/a/b?c=d"))).toBe(
      "Error: refused by https://x.test/…",
    );
  });
});
