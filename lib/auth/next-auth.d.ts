// What our sign-in puts into next-auth's user, token and session objects.
import type { Role } from "./permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionId: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The auth_sessions row this cookie belongs to; the database decides whether it still counts. */
    sid?: string;
    staffId?: string;
    role?: Role;
  }
}
