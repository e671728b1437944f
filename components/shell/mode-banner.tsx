export function ModeBanner({ mode }: { mode: "embedded" | "live" }) {
  if (mode === "live") {
    return (
      <div role="status" className="bg-emerald-700 px-4 py-1 text-center text-xs font-medium text-white">
        Live: changes here act on real Telnyx accounts.
      </div>
    );
  }
  return (
    <div role="status" className="bg-amber-400 px-4 py-1 text-center text-xs font-medium text-amber-950">
      Embedded mode: a built-in Telnyx simulator with demo data. Nothing here touches a real account.
    </div>
  );
}
