import { Providers } from "@/components/shell/providers";

// Enrolment posts through TanStack Query mutations (lib/queries/mfa.ts); the sign-in page beside it needs
// no client providers, so they start here rather than in the root layout.
export default function EnrolMfaLayout({ children }: { children: React.ReactNode }) {
  return <Providers>{children}</Providers>;
}
