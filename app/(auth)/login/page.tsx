import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/components/auth/sign-in-error";
import { isEmbeddedMode } from "@/lib/auth/auth-mode";
import { demoCredentialsFileForDisplay } from "@/lib/auth/data-dir";
import { isPasswordSignInEnabled, oidcSettings } from "@/lib/auth/oidc/config";
import { getCurrentStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl);
  if (await getCurrentStaff()) redirect(safeCallbackPath(callbackUrl, process.env.NEXTAUTH_URL));
  const sso = oidcSettings();
  const isPasswordEnabled = isPasswordSignInEnabled();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight">Subdesk</p>
          <h1 className="mt-1 text-sm text-slate-600 dark:text-slate-400">Sign in with your staff account</h1>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <LoginForm
            callbackUrl={callbackUrl}
            initialError={first(params.error)}
            isPasswordEnabled={isPasswordEnabled}
            isSsoEnabled={sso !== null}
          />
        </div>
        {isEmbeddedMode() ? (
          <p className="mt-6 text-center text-xs break-words text-slate-600 dark:text-slate-400">
            Embedded mode: demo sign-ins
            {sso?.source === "local" ? " (and the local SSO provider's people)" : ""} are printed in the
            server log at start
            {process.env.DEMO_PASSWORD ? (
              " (their password is the server's DEMO_PASSWORD)."
            ) : (
              <>
                {" "}
                and kept in <code className="font-mono">{demoCredentialsFileForDisplay()}</code>.
              </>
            )}
          </p>
        ) : null}
      </div>
    </main>
  );
}
