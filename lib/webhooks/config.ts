// Where low-balance alerts are posted. Both settings are read once at start-up (lib/startup.ts), so a URL
// without a secret stops the console with a message saying so instead of sending unsigned alerts.
export interface WebhookConfig {
  url: string;
  secret: string;
}

/** The alert webhook, or null when SUBDESK_ALERT_WEBHOOK_URL is unset; throws on a half or bad setting. */
export function readWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig | null {
  const url = env.SUBDESK_ALERT_WEBHOOK_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("SUBDESK_ALERT_WEBHOOK_URL is not a URL.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error("SUBDESK_ALERT_WEBHOOK_URL must be an http(s) URL.");
  }
  // fetch refuses such a URL on every attempt (its error quoting the password); the signature authenticates.
  if (parsed.username || parsed.password) {
    throw new Error(
      "SUBDESK_ALERT_WEBHOOK_URL must not hold a user name or password: receivers check the X-Subdesk-Signature header instead.",
    );
  }
  const secret = env.SUBDESK_ALERT_WEBHOOK_SECRET ?? "";
  if (secret.length < 16) {
    throw new Error(
      "SUBDESK_ALERT_WEBHOOK_SECRET must be set (16 characters or more) when SUBDESK_ALERT_WEBHOOK_URL is set: alerts are signed with it.",
    );
  }
  return { url: parsed.toString(), secret };
}
