import { ShieldOff } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrgUser, UserStatus } from "@/lib/schemas/org-users";

export function RoleBadge({ recordType }: { recordType: OrgUser["recordType"] }) {
  return recordType === "organization_owner" ? (
    <Badge tone="info" data-testid="owner-mark">
      Owner
    </Badge>
  ) : (
    <Badge tone="neutral">Sub-user</Badge>
  );
}

const statusTones: Record<UserStatus, BadgeTone> = {
  enabled: "success",
  disabled: "neutral",
  blocked: "danger",
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={statusTones[status]}>{status}</Badge>;
}

export function SsoBypassBadge({ bypassesSso }: { bypassesSso: boolean }) {
  if (!bypassesSso) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <Badge tone="warning" title="Signs in without single sign-on" data-testid="sso-bypass-mark">
      <ShieldOff aria-hidden className="mr-1 size-3" />
      bypasses SSO
    </Badge>
  );
}

export function GroupList({ groups }: { groups: OrgUser["groups"] }) {
  if (!groups || groups.length === 0)
    return <span className="text-slate-500 dark:text-slate-400">no groups</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Groups">
      {groups.map((group) => (
        <li key={group.id}>
          <Badge>{group.name}</Badge>
        </li>
      ))}
    </ul>
  );
}
