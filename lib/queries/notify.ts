// The console's toasts without sonner in any page's load: the toaster (components/ui/themed-toaster.tsx) is
// fetched when the first toast is asked for (a toast only ever answers something the person did) and hands
// sonner's `toast` over when it arrives; the toasts asked for meanwhile wait for it. Same calls as sonner's
// `toast.success` / `toast.error`. No import() of sonner here: a second async path to it made the bundler
// put sonner in a chunk loaded up front by the pages that show toasts.
import type { toast as sonnerToast } from "sonner";

type Message = Parameters<typeof sonnerToast.success>[0];
type Options = Parameters<typeof sonnerToast.success>[1];
type Kind = "success" | "error";

let sonner: Pick<typeof sonnerToast, Kind> | undefined;
const waiting: [Kind, Message, Options][] = [];
const demandListeners = new Set<() => void>();

/** For useSyncExternalStore in the providers: true once a toast has been asked for. */
export const isToasterWanted = () => sonner !== undefined || waiting.length > 0;
export function subscribeToToasterDemand(onChange: () => void): () => void {
  demandListeners.add(onChange);
  return () => demandListeners.delete(onChange);
}

/** Called once by the toaster's module when it loads. */
export function attachToaster(toast: Pick<typeof sonnerToast, Kind>) {
  sonner = toast;
  for (const [kind, message, options] of waiting.splice(0)) toast[kind](message, options);
}

const show = (kind: Kind) => (message: Message, options?: Options) => {
  if (sonner) sonner[kind](message, options);
  else {
    waiting.push([kind, message, options]);
    for (const onChange of demandListeners) onChange();
  }
};

export const toast = { success: show("success"), error: show("error") };
