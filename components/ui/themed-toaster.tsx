"use client";

import { useSyncExternalStore } from "react";
import { toast, Toaster } from "sonner";
import { attachToaster } from "@/lib/queries/notify";

// The console's toast calls (lib/queries/notify.ts) reach sonner from here, once this loads.
attachToaster(toast);

// The theme is a class on <html> (set before paint by the root layout, flipped by the theme toggle), not
// the system preference sonner can follow by itself: light toasts on the dark page failed axe's contrast.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const hasDarkClass = () => document.documentElement.classList.contains("dark");

export function ThemedToaster() {
  const isDarkTheme = useSyncExternalStore(subscribe, hasDarkClass, () => false);
  return <Toaster richColors closeButton position="bottom-right" theme={isDarkTheme ? "dark" : "light"} />;
}
