// What needs a second person (data, not code): removing an organization user, a bulk job of more than 25
// items, making someone an admin. SUBDESK_APPROVAL_POLICY overrides it: "none", "default", or a list such
// as "org_user.remove,job.create>25,staff.make_admin". A value that does not parse keeps the default: a
// typo must not switch the safeguard off.
// An access review's removal job is a removal of users: the org_user.remove entry covers it.
export const approvalActions = [
  "org_user.remove",
  "job.create",
  "staff.make_admin",
  "access_review.remove",
] as const;
export type ApprovalAction = (typeof approvalActions)[number];

export interface ApprovalPolicy {
  "org_user.remove": boolean;
  /** Bulk jobs with more targets than this need approval; null: none do. */
  "job.create": number | null;
  "staff.make_admin": boolean;
}

export const defaultApprovalPolicy: ApprovalPolicy = {
  "org_user.remove": true,
  "job.create": 25,
  "staff.make_admin": true,
};

const noApprovals: ApprovalPolicy = {
  "org_user.remove": false,
  "job.create": null,
  "staff.make_admin": false,
};

export function parseApprovalPolicy(value: string | undefined): ApprovalPolicy {
  const text = value?.trim().toLowerCase();
  if (!text || text === "default") return defaultApprovalPolicy;
  if (text === "none") return noApprovals;
  const policy = { ...noApprovals };
  for (const entry of text.split(",").map((part) => part.trim())) {
    const job = /^job\.create>(\d{1,6})$/.exec(entry);
    if (job) policy["job.create"] = Number(job[1]);
    else if (entry === "org_user.remove" || entry === "staff.make_admin") policy[entry] = true;
    else return defaultApprovalPolicy;
  }
  return policy;
}

export function approvalPolicy(env: Record<string, string | undefined> = process.env): ApprovalPolicy {
  return parseApprovalPolicy(env.SUBDESK_APPROVAL_POLICY);
}

/** SUBDESK_APPROVAL_TTL_SECONDS (default 24 hours): how long a request waits for its decision. */
export function approvalTtlMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SUBDESK_APPROVAL_TTL_SECONDS);
  return (Number.isInteger(value) && value > 0 ? value : 24 * 60 * 60) * 1000;
}

export const isJobHeldBack = (targetCount: number, policy = approvalPolicy()) =>
  policy["job.create"] !== null && targetCount > policy["job.create"];
