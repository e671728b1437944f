"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * next/link that prefetches when the pointer or focus reaches it, not when it scrolls into view: the
 * sidebar's ten links otherwise cost twenty prefetch requests on every page load. A page reached for is
 * still prefetched a moment before the click.
 */
export function IntentLink({
  href,
  onMouseEnter,
  onFocus,
  ...props
}: ComponentProps<typeof Link> & { href: string }) {
  const router = useRouter();
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        router.prefetch(href);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        router.prefetch(href);
        onFocus?.(event);
      }}
    />
  );
}
