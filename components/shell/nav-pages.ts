// The console's pages as the sidebar lists them; also the command palette's pages
// (components/shell/command-palette-dialog.tsx). Their icons are drawn on the server (./nav-links.tsx).
export const navPages = [
  { href: "/", label: "Overview" },
  { href: "/accounts", label: "Accounts" },
  { href: "/balances", label: "Balances" },
  { href: "/jobs", label: "Jobs" },
  { href: "/alerts", label: "Alerts" },
  { href: "/users", label: "Users" },
  { href: "/users/review", label: "Access review" },
  { href: "/audit", label: "Audit" },
  { href: "/staff", label: "Staff" },
  { href: "/approvals", label: "Approvals" },
] as const;

export type NavHref = (typeof navPages)[number]["href"];
