import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Subdesk", template: "%s · Subdesk" },
  description: "Console for Telnyx managed accounts and organization users",
};

// Runs before paint so a dark-theme user never sees a white flash.
const themeScript = `try{var t=localStorage.getItem("subdesk-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      {/* No client providers here: the pages that need them start them (components/shell/providers.tsx). */}
      <body>{children}</body>
    </html>
  );
}
