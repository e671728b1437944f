// Where low-balance alerts are posted. Both settings are read once at start-up (lib/startup.ts), so a URL
// without a secret stops the console with a message saying so instead of sending unsigned alerts.
export interface WebhookConfig {
  url: string;
  secret: string;
}

export interface WebhookTiming {
  timeoutMs: number;
  retryBaseMs: number;
}

function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  // NaN would abort every attempt at once and make the claim's lease an SQL error: stop the start instead.
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a whole number of milliseconds above 0 (got "${text}").`);
  }
  return value;
}

/** An attempt's time limit and the first retry's wait (SUBDESK_WEBHOOK_TIMEOUT_MS, _RETRY_BASE_MS). */
export function webhookTiming(env: NodeJS.ProcessEnv = process.env): WebhookTiming {
  return {
    timeoutMs: positiveMs(env, "SUBDESK_WEBHOOK_TIMEOUT_MS", 10_000),
    retryBaseMs: positiveMs(env, "SUBDESK_WEBHOOK_RETRY_BASE_MS", 30_000),
  };
}

/** The alert webhook, or null when SUBDESK_ALERT_WEBHOOK_URL is unset; throws on a half or bad setting. */
export function readWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig | null {
  webhookTiming(env);
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
