// No next/link here: the error pages use this panel, and every page loads them up front.

interface StatusPanelProps {
  /** A short line above the title: "404", "Error". */
  kicker: string;
  title: string;
  children?: React.ReactNode;
  /** Outside the console shell (no session, or the shell itself failed): brings its own page frame. */
  isStandalone?: boolean;
}

export const overviewLinkClassName =
  "inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

/** The 404 and error pages: what happened in words, and always a way back to the overview. */
export function StatusPanel({ kicker, title, children, isStandalone = false }: StatusPanelProps) {
  const panel = (
    <section
      aria-labelledby="status-title"
      className="mx-auto flex max-w-md flex-col items-center gap-3 py-12 text-center"
    >
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">{kicker}</p>
      <h1 id="status-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="flex flex-col items-center gap-4 text-sm text-slate-600 dark:text-slate-400">
        {children}
      </div>
    </section>
  );
  if (!isStandalone) return panel;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      {/* A plain link: standalone means outside the console shell, where a full load of the overview is right. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add ~3 kB to every page */}
      <a href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        {/* The app icon, drawn inline so this page needs nothing else to load. */}
        <svg aria-hidden viewBox="0 0 64 64" className="size-7">
          <rect width="64" height="64" rx="14" fill="#1d4ed8" />
          <path
            d="M42 19H27a8 8 0 0 0 0 16h10a8 8 0 0 1 0 16H21"
            fill="none"
            stroke="#fff"
            strokeWidth="7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Subdesk
      </a>
      {panel}
    </main>
  );
}
