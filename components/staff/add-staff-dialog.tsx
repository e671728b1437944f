"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { DialogFooter } from "@/components/accounts/dialog-footer";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, inputClassName } from "@/components/ui/input";
import { roles, type Role } from "@/lib/auth/permissions";
import { useCreateStaff } from "@/lib/queries/staff";
import { describeStaffError } from "./field-errors";
import { roleDescriptions } from "./role-descriptions";
import { StaffPasswordField } from "./staff-password-field";

const emptyForm = { email: "", name: "", role: "viewer" as Role, password: "" };

/** Adds a person who can sign in at once with the initial password given here. */
export function AddStaffDialog() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(emptyForm);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useCreateStaff();
  const failure = describeStaffError(create.error);
  const errors = { ...failure.fields, ...localErrors };

  const close = (next: boolean) => {
    if (create.isPending) return;
    if (!next) {
      setForm(emptyForm);
      setLocalErrors({});
      create.reset();
    }
    setOpen(next);
  };
  const set = (key: keyof typeof emptyForm) => (value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus aria-hidden className="size-4" />
        Add a person
      </Button>
      <Dialog
        open={open}
        onOpenChange={close}
        title="Add a person"
        description="They can sign in with this email and password as soon as you add them."
      >
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={async (event) => {
            event.preventDefault();
            // zod loads with the first submit, not with the Staff page (the server parses with it too).
            const { createStaffBodySchema } = await import("@/lib/schemas/staff");
            const parsed = createStaffBodySchema.safeParse(form);
            if (!parsed.success) {
              setLocalErrors(
                Object.fromEntries(
                  parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
                ),
              );
              return;
            }
            setLocalErrors({});
            create.mutate(parsed.data, {
              onSuccess: ({ data }) => {
                toast.success(`${data.email} was added as ${data.role}.`);
                close(false);
              },
            });
          }}
        >
          <Field label="Email" error={errors.email}>
            <Input
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(event) => set("email")(event.target.value)}
            />
          </Field>
          <Field label="Name" error={errors.name}>
            <Input
              autoComplete="off"
              value={form.name}
              onChange={(event) => set("name")(event.target.value)}
            />
          </Field>
          <Field label="Role" hint={roleDescriptions[form.role]} error={errors.role}>
            <select
              value={form.role}
              onChange={(event) => set("role")(event.target.value)}
              className={inputClassName}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </Field>
          <StaffPasswordField
            label="Initial password"
            value={form.password}
            error={errors.password}
            onChange={set("password")}
          />
          <DialogFooter
            error={failure.message}
            isPending={create.isPending}
            confirmLabel="Add person"
            pendingLabel="Adding…"
            onCancel={() => close(false)}
          />
        </form>
      </Dialog>
    </>
  );
}
