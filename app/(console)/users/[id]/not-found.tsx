import { UserGonePanel } from "@/components/users/user-gone-panel";

export default function UserNotFound() {
  return <UserGonePanel />;
}
