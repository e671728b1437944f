import { AccountGonePanel } from "@/components/accounts/account-gone-panel";

export default function AccountNotFound() {
  return <AccountGonePanel />;
}
