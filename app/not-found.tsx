import type { Metadata } from "next";
import { NotFoundContent } from "@/components/shell/not-found-content";

export const metadata: Metadata = { title: "Page not found" };

// An address no route matches: shown without the console shell (it may be a visitor with no session).
export default function NotFound() {
  return <NotFoundContent isStandalone />;
}
