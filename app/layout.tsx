import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Subdesk", template: "%s · Subdesk" },
  description: "Console for Telnyx managed accounts and organization users",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>{children}</body>
    </html>
  );
}
