import { accountDetail } from "./account-wire";
import { invalidField } from "./errors";
import { findAccount } from "./routes-managed-accounts";
import { json, type Handler } from "./route-types";
import { slugify } from "./seed";
import { freshApiKey, freshApiToken } from "./secrets";
import { randomUuid } from "./uuid";
import type { AccountRecord } from "./types";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw invalidField(field, `${field} must be a boolean.`);
  return value;
}

function refuseState(account: AccountRecord, verb: string): void {
  if (account.status === "cancelled") throw invalidField("", `A cancelled account cannot be ${verb}.`);
  if (account.status === "blocked") {
    throw invalidField("", `A blocked account cannot be ${verb}; only Telnyx support can change it.`);
  }
}

/** POST /managed_accounts — answers 200 (not 201) with the new account's secrets. */
export const createManagedAccount: Handler = async (context) => {
  const { store } = context;
  const body = (await context.readJson()) ?? {};
  const name = body.business_name;
  if (name === undefined) throw invalidField("business_name", "business_name is required.", "10004");
  if (typeof name !== "string" || name.trim() === "" || name.length > 255) {
    throw invalidField(
      "business_name",
      "business_name must be a non-empty string of at most 255 characters.",
    );
  }
  let email: string;
  if (body.email === undefined) {
    // Telnyx derives an address from the manager's; a "+tag" keeps it unique.
    const base = `${store.managerEmail.split("@")[0]}+${slugify(name) || "account"}`;
    const domain = store.managerEmail.split("@")[1];
    email = `${base}@${domain}`;
    for (let n = 2; store.hasAccountEmail(email.toLowerCase()); n += 1) email = `${base}-${n}@${domain}`;
  } else {
    if (typeof body.email !== "string" || !emailPattern.test(body.email) || body.email.length > 254) {
      throw invalidField("email", "email must be a valid email address.");
    }
    if (store.hasAccountEmail(body.email.toLowerCase()))
      throw invalidField("email", "email has already been taken.");
    email = body.email;
  }
  const password = body.password;
  if (
    password !== undefined &&
    (typeof password !== "string" || password.length < 8 || password.length > 128)
  ) {
    throw invalidField("password", "password must be a string of 8 to 128 characters.");
  }
  const allowCustomPricing = optionalBoolean(body, "managed_account_allow_custom_pricing") ?? false;
  const rollupBilling = optionalBoolean(body, "rollup_billing") ?? false;
  const now = new Date();
  const account: AccountRecord = {
    id: randomUuid(),
    email,
    emailLower: email.toLowerCase(),
    organizationName: name,
    organizationNameLower: name.toLowerCase(),
    apiKey: freshApiKey(),
    apiToken: freshApiToken(),
    allowCustomPricing,
    rollupBilling,
    createdAt: now.toISOString(),
    createdAtMs: now.getTime(),
    updatedAt: now.toISOString(),
    status: "enabled",
    channelLimit: null,
    balanceCents: 0,
    balanceAtMs: store.now(),
    spendCentsPerDay: 0,
    creditLimitCents: 0,
    hasPassword: password !== undefined,
  };
  store.addAccount(account);
  return json({ data: accountDetail(account, store) });
};

/** PATCH /managed_accounts/{id} — only managed_account_allow_custom_pricing may change. */
export const updateManagedAccount: Handler = async (context) => {
  const account = findAccount(context);
  const body = (await context.readJson()) ?? {};
  for (const field of Object.keys(body)) {
    if (field !== "managed_account_allow_custom_pricing")
      throw invalidField(field, `${field} cannot be updated.`);
  }
  const allowCustomPricing = optionalBoolean(body, "managed_account_allow_custom_pricing");
  if (allowCustomPricing !== undefined && allowCustomPricing !== account.allowCustomPricing) {
    context.store.changeAccount(account, { allowCustomPricing, updatedAt: new Date().toISOString() });
  }
  return json({ data: accountDetail(account, context.store) });
};

/** POST /managed_accounts/{id}/actions/disable — idempotent: disabling a disabled account answers 200. */
export const disableManagedAccount: Handler = (context) => {
  const account = findAccount(context);
  refuseState(account, "disabled");
  if (account.status !== "disabled") {
    context.store.changeAccount(account, { status: "disabled", updatedAt: new Date().toISOString() });
  }
  return json({ data: accountDetail(account, context.store) });
};

/** POST /managed_accounts/{id}/actions/enable — body { reenable_all_connections? } is optional. */
export const enableManagedAccount: Handler = async (context) => {
  const account = findAccount(context);
  const body = (await context.readJson()) ?? {};
  optionalBoolean(body, "reenable_all_connections");
  refuseState(account, "enabled");
  if (account.status !== "enabled") {
    context.store.changeAccount(account, { status: "enabled", updatedAt: new Date().toISOString() });
  }
  return json({ data: accountDetail(account, context.store) });
};

/** PATCH /managed_accounts/{id}/update_global_channel_limit */
export const updateGlobalChannelLimit: Handler = async (context) => {
  const { store } = context;
  const account = findAccount(context);
  const body = (await context.readJson()) ?? {};
  const limit = body.channel_limit;
  if (limit === undefined) throw invalidField("channel_limit", "channel_limit is required.", "10004");
  if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 0) {
    throw invalidField("channel_limit", "channel_limit must be an integer of 0 or more.");
  }
  if (account.status === "cancelled") throw invalidField("", "A cancelled account cannot be given channels.");
  const available =
    store.manager.allocatableChannels - (store.allocatedChannels - (account.channelLimit ?? 0));
  if (limit > available) {
    throw invalidField("channel_limit", `channel_limit exceeds the ${available} channels left in your pool.`);
  }
  store.changeAccount(account, { channelLimit: limit });
  return json({
    data: {
      record_type: "managed_account_global_outbound_settings",
      id: account.id,
      email: account.email,
      manager_account_id: store.manager.id,
      channel_limit: limit,
    },
  });
};
