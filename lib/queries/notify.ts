// The console's toasts without sonner in any page's first load: the toaster itself loads after the page
// (components/shell/providers.tsx), and a toast, which only ever answers something the person did, loads
// sonner when it is first shown. Same calls as sonner's `toast.success` / `toast.error`.
import type { toast as sonnerToast } from "sonner";

type Message = Parameters<typeof sonnerToast.success>[0];
type Options = Parameters<typeof sonnerToast.success>[1];

const show = (kind: "success" | "error") => (message: Message, options?: Options) => {
  void import("@/components/ui/themed-toaster").then(({ toast }) => toast[kind](message, options));
};

export const toast = { success: show("success"), error: show("error") };
