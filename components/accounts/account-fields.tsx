import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/accounts/format";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

/** Every field Telnyx gives us for the account (secrets never reach the browser). */
export function AccountFields({ account }: { account: ManagedAccount }) {
  const rows: [string, React.ReactNode][] = [
    ["Account id", <code key="id">{account.id}</code>],
    ["Email", account.email],
    ["Organization", account.organizationName],
    ["API user", account.apiUser],
    ["Manager account id", <code key="manager">{account.managerAccountId}</code>],
    ["Created", formatDate(account.createdAt)],
    ["Updated", formatDate(account.updatedAt)],
    ["Custom pricing", account.allowCustomPricing ? "Allowed" : "Not allowed"],
    [
      "Rollup billing",
      `${account.rollupBilling ? "On" : "Off"} (fixed at creation; only Telnyx support can change it)`,
    ],
  ];
  return (
    <Card>
      <CardTitle>Details</CardTitle>
      <dl
        className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
        data-testid="account-fields"
      >
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
