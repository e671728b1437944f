import { LoadingPanel } from "@/components/ui/state-panels";

export default function AccountsLoading() {
  return <LoadingPanel label="Loading accounts…" />;
}
