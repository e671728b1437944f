// TanStack Query options and mutations for one's own two-factor set-up (the security page) and an admin's
// reset of someone else's (the staff page).
import { queryOptions, useMutation } from "@tanstack/react-query";
import type { MfaConfirmedDto, MfaEnrolmentDto, MfaStatusDto, ResetMfaBody } from "@/lib/schemas/mfa";
import { useInvalidateWithAudit } from "./audit";
import { fetchJson } from "./fetch-json";
import { staffKeys } from "./staff";

export const mfaKeys = { status: ["mfa", "status"] as const };

export function mfaStatusOptions() {
  return queryOptions({
    queryKey: mfaKeys.status,
    queryFn: ({ signal }) => fetchJson<{ data: MfaStatusDto }>("/api/mfa", { signal }),
  });
}

export function useStartMfaEnrolment() {
  return useMutation({
    mutationFn: () => fetchJson<{ data: MfaEnrolmentDto }>("/api/mfa/enrol", { method: "POST", json: {} }),
  });
}

// The status is not refreshed on success: the page would swap the recovery codes (shown once) for "On"
// before they were saved. The security page refreshes it when the person says they have saved them.
export function useConfirmMfa() {
  return useMutation({
    mutationFn: (code: string) =>
      fetchJson<{ data: MfaConfirmedDto }>("/api/mfa/confirm", { method: "POST", json: { code } }),
  });
}

export function useResetStaffMfa(id: string) {
  const invalidate = useInvalidateWithAudit(staffKeys.all);
  return useMutation({
    mutationFn: (body: ResetMfaBody) =>
      fetchJson<{ data: { wasEnabled: boolean } }>(`/api/staff/${encodeURIComponent(id)}/mfa-reset`, {
        method: "POST",
        json: body,
      }),
    onSettled: invalidate,
  });
}
