import { Card, CardTitle } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { Timestamp } from "@/components/ui/timestamp";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

/** Every field Telnyx gives us for the account (secrets never reach the browser). */
export function AccountFields({ account }: { account: ManagedAccount }) {
  const rows: [string, React.ReactNode][] = [
    ["Account id", <CopyableValue key="id" value={account.id} label="account id" isCode />],
    ["Email", <CopyableValue key="email" value={account.email} label="email" />],
    ["Organization", account.organizationName],
    ["API user", account.apiUser],
    [
      "Manager account id",
      <CopyableValue key="manager" value={account.managerAccountId} label="manager account id" isCode />,
    ],
    ["Created", <Timestamp key="created" value={account.createdAt} />],
    ["Updated", <Timestamp key="updated" value={account.updatedAt} />],
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
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
