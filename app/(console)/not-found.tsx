import type { Metadata } from "next";
import { NotFoundContent } from "@/components/shell/not-found-content";

export const metadata: Metadata = { title: "Page not found" };

// Inside the shell, so the navigation stays at hand.
export default function ConsoleNotFound() {
  return <NotFoundContent />;
}
