"use client";

import { Button } from "@/components/ui/button";

// The class on <html> is set before paint by the inline script in the root layout; this only flips it.
// Its sun and moon come drawn by the console layout (a server component), so no page downloads their code.
export function ThemeToggle({ children }: { children: React.ReactNode }) {
  function toggle() {
    const isDark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("subdesk-theme", isDark ? "dark" : "light");
  }
  return (
    <Button variant="ghost" size="sm" onClick={toggle} aria-label="Switch between light and dark theme">
      {children}
    </Button>
  );
}
