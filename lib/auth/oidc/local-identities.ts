// The embedded identity provider's people: one per mapped group and one whose only group maps to nothing
// (to see a refusal). Their emails are the demo staff's, so SSO signs into the same seeded people.
export const LOCAL_OIDC_ROLE_MAP = "subdesk-admins=admin,subdesk-support=support,subdesk-viewers=viewer";

export const LOCAL_OIDC_IDENTITIES = [
  { sub: "local-admin", email: "admin@subdesk.test", name: "Ada Admin", groups: ["subdesk-admins"] },
  { sub: "local-support", email: "support@subdesk.test", name: "Sam Support", groups: ["subdesk-support"] },
  { sub: "local-viewer", email: "viewer@subdesk.test", name: "Vic Viewer", groups: ["subdesk-viewers"] },
  {
    sub: "local-contractor",
    email: "contractor@subdesk.test",
    name: "Cas Contractor",
    groups: ["subdesk-contractors"],
  },
] as const;

export type LocalIdentity = (typeof LOCAL_OIDC_IDENTITIES)[number];
