"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { inputClassName } from "@/components/ui/input";
import { isRole, roles } from "@/lib/auth/permissions";
import type { StaffDto, UpdateStaffBody } from "@/lib/schemas/staff";
import { ConfirmChangeDialog } from "./confirm-change-dialog";
import { ResetMfaDialog } from "./reset-mfa-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

// inputClassName is full-width; these controls keep their own width.
const fixedWidthInput = inputClassName.replace("w-full", "");

interface StaffRowActionsProps {
  person: StaffDto;
  /** The signed-in admin's own row: no self-demotion or self-disable (the server refuses them too). */
  isSelf: boolean;
}

function describeChange(person: StaffDto, change: UpdateStaffBody | null) {
  if (change?.role) {
    return {
      title: `Change the role of ${person.email}?`,
      description: `From ${person.role} to ${change.role}. It applies from their next request.`,
      confirmLabel: `Make ${change.role}`,
      pendingLabel: "Changing…",
      successMessage: `${person.email} is now ${change.role}.`,
      variant: "primary" as const,
    };
  }
  const isDisable = change?.status === "disabled";
  return {
    title: isDisable ? `Disable ${person.email}?` : `Enable ${person.email}?`,
    description: isDisable
      ? "They can no longer sign in, and their sessions stop at their next request."
      : "They can sign in again with their password. Sessions ended by disabling stay ended.",
    confirmLabel: isDisable ? "Disable" : "Enable",
    pendingLabel: isDisable ? "Disabling…" : "Enabling…",
    successMessage: isDisable ? `${person.email} was disabled.` : `${person.email} was enabled.`,
    variant: isDisable ? ("danger" as const) : ("primary" as const),
  };
}

export function StaffRowActions({ person, isSelf }: StaffRowActionsProps) {
  const roleId = useId();
  const [change, setChange] = useState<UpdateStaffBody | null>(null);
  const [isResetOpen, setResetOpen] = useState(false);
  const [isMfaResetOpen, setMfaResetOpen] = useState(false);
  const isActive = person.status === "active";
  const copy = describeChange(person, change);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={roleId} className="sr-only">
        Role of {person.email}
      </label>
      <DisabledReason reason={isSelf ? "You cannot change your own role. Ask another admin." : ""}>
        <select
          id={roleId}
          value={person.role}
          disabled={isSelf}
          onChange={(event) => {
            if (isRole(event.target.value)) setChange({ role: event.target.value });
          }}
          className={`${fixedWidthInput} h-8 w-28`}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </DisabledReason>
      <DisabledReason reason={isSelf && isActive ? "You cannot disable yourself. Ask another admin." : ""}>
        <Button
          size="sm"
          variant={isActive ? "secondary" : "primary"}
          disabled={isSelf && isActive}
          onClick={() => setChange({ status: isActive ? "disabled" : "active" })}
        >
          {isActive ? "Disable" : "Enable"}
        </Button>
      </DisabledReason>
      <Button size="sm" variant="ghost" onClick={() => setResetOpen(true)}>
        Reset password
      </Button>
      {person.mfaEnabled ? (
        <Button size="sm" variant="ghost" onClick={() => setMfaResetOpen(true)}>
          Reset two-factor
        </Button>
      ) : null}
      <ResetMfaDialog person={person} open={isMfaResetOpen} onOpenChange={setMfaResetOpen} />
      <ConfirmChangeDialog staffId={person.id} change={change} onClose={() => setChange(null)} {...copy} />
      <ResetPasswordDialog person={person} open={isResetOpen} isSelf={isSelf} onOpenChange={setResetOpen} />
    </div>
  );
}
