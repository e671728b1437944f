"use client";

import { Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";

// The class on <html> is set before paint by the inline script in the root layout; this only flips it.
export function ThemeToggle() {
  function toggle() {
    const isDark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("subdesk-theme", isDark ? "dark" : "light");
  }
  return (
    <Button variant="ghost" size="sm" onClick={toggle} aria-label="Switch between light and dark theme">
      <Sun aria-hidden className="size-4 dark:hidden" />
      <Moon aria-hidden className="hidden size-4 dark:block" />
    </Button>
  );
}
