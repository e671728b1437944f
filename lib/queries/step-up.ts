// The bridge between any request that meets step_up_required (lib/queries/fetch-json.ts) and the one
// step-up dialog of the console (components/auth/step-up-dialog.tsx): the dialog registers itself here,
// a request asks, and every request waiting at that moment shares the one answer.
type Ask = () => Promise<boolean>;

let ask: Ask | null = null;
let pending: Promise<boolean> | null = null;

/** The dialog's host registers how to ask; returns the unregister function. */
export function registerStepUp(handler: Ask): () => void {
  ask = handler;
  return () => {
    if (ask === handler) ask = null;
  };
}

/** Resolves true once the person has authenticated again, false if they cancelled (or no dialog exists). */
export function requestStepUp(): Promise<boolean> {
  if (!ask) return Promise.resolve(false);
  pending ??= ask().finally(() => {
    pending = null;
  });
  return pending;
}
