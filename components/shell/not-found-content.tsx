import { overviewLinkClassName, StatusPanel } from "./status-panel";

/** The one 404 text, inside the console shell or on its own. */
export function NotFoundContent({ isStandalone = false }: { isStandalone?: boolean }) {
  return (
    <StatusPanel kicker="404" title="There is no page here" isStandalone={isStandalone}>
      <p>The address may be mistyped, or what it pointed to no longer exists.</p>
      {/* A plain link, not next/link: the root 404 is part of every page's first load, sign-in included. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className={overviewLinkClassName}>
        Go to the overview
      </a>
    </StatusPanel>
  );
}
