// A job's targets, frozen at creation: the ids given, or every page of a list view read now.
import "server-only";
import { AppError } from "@/lib/api/errors";
import type { ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";
import type { OrgUserListQuery } from "@/lib/schemas/org-users";
import { maxJobTargets, type CreateJobBody } from "@/lib/schemas/jobs";
import { listManagedAccounts } from "@/lib/telnyx/managed-accounts";
import { listOrgUsers } from "@/lib/telnyx/org-users";

export interface JobTarget {
  id: string;
  label?: string;
}

// Telnyx's largest page.
const PAGE_SIZE = 250;

export async function resolveTargets(body: CreateJobBody): Promise<JobTarget[]> {
  if ("ids" in body.target) return body.target.ids.map((id) => ({ id }));
  const view = body.target.view;
  const targets: JobTarget[] = [];
  for (let page = 1; ; page++) {
    const result =
      body.action === "org_user.remove"
        ? await listOrgUsers({ ...(view as OrgUserListQuery), page, pageSize: PAGE_SIZE })
        : await listManagedAccounts({ ...(view as ManagedAccountListQuery), page, pageSize: PAGE_SIZE });
    for (const item of result.data) targets.push({ id: item.id, label: item.email });
    if (targets.length > maxJobTargets) {
      throw new AppError("validation_failed", "This view holds too many targets for one job.", {
        fields: { target: `A job takes at most ${maxJobTargets.toLocaleString("en")}; narrow the view.` },
      });
    }
    if (page >= result.meta.totalPages || result.data.length === 0) break;
  }
  // A list that shifted while it was read can show one account on two pages.
  const seen = new Set<string>();
  const unique = targets.filter((target) => !seen.has(target.id) && seen.add(target.id));
  if (unique.length === 0) {
    throw new AppError("validation_failed", "This view is empty: there is nothing to change.", {
      fields: { target: "The view has no matching entries." },
    });
  }
  return unique;
}
