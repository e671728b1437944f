"use client";

import { useSyncExternalStore } from "react";
import { Toaster } from "sonner";

// lib/queries/notify.ts takes sonner's toast from here: one async chunk for all of sonner, not two import()
// paths to it (the bundler then put sonner in a chunk every page of some routes loaded up front).
export { toast } from "sonner";

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
