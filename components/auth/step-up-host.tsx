"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { registerStepUp } from "@/lib/queries/step-up";

// The dialog itself loads the first time a request needs it: most visits never step up.
const StepUpDialog = dynamic(() => import("./step-up-dialog").then((module) => module.StepUpDialog), {
  ssr: false,
});

interface Asking {
  round: number;
  resolve: (ok: boolean) => void;
}

/** Registers the console's step-up dialog with lib/queries/step-up.ts and shows it when asked. */
export function StepUpHost() {
  const [asking, setAsking] = useState<Asking | null>(null);
  useEffect(
    () =>
      registerStepUp(
        () =>
          new Promise<boolean>((resolve) =>
            setAsking((previous) => ({ round: (previous?.round ?? 0) + 1, resolve })),
          ),
      ),
    [],
  );
  if (!asking) return null;
  return (
    <StepUpDialog
      key={asking.round}
      onDone={(ok) => {
        asking.resolve(ok);
        setAsking(null);
      }}
    />
  );
}
