// The staff CLI's commands; every change is written to the audit trail as done from the command line.
import "server-only";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { recordAudit } from "@/lib/db/audit";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import {
  createStaff,
  findStaffByEmail,
  listStaff,
  setStaffPassword,
  setStaffStatus,
  updateStaffRole,
} from "@/lib/db/staff";
import { isRole, roles } from "./permissions";
import { readPassword } from "./read-password";

const usage = `Usage: npm run staff -- <command> [options]
  create --email EMAIL --role ${roles.join("|")} [--name NAME]   password from the terminal or stdin
  list
  set-role --email EMAIL --role ROLE
  disable --email EMAIL | enable --email EMAIL
  reset-password --email EMAIL                                   password from the terminal or stdin
Uses DATABASE_URL, else the PGlite files under DATA_DIR (default .data). Stop an embedded-mode server
first: one PGlite directory belongs to one process.`;

export async function runStaffCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  await openDatabase();
  try {
    return await run(command, values);
  } finally {
    await closeDatabase();
  }
}

async function run(
  command: string,
  values: { email?: string; role?: string; name?: string },
): Promise<number> {
  if (command === "list") {
    for (const person of await listStaff()) {
      const seen = person.lastSignInAt?.toISOString() ?? "never";
      console.log(
        `${person.email.padEnd(32)} ${person.role.padEnd(8)} ${person.status.padEnd(9)} last sign-in ${seen}`,
      );
    }
    return 0;
  }
  const email = values.email?.trim();
  if (!email) return fail("--email is required.");
  if (command === "create") {
    if (!isRole(values.role)) return fail(`--role must be one of ${roles.join(", ")}.`);
    const password = await askNewPassword();
    const person = await createStaff({
      email,
      name: values.name ?? email.split("@")[0] ?? email,
      role: values.role,
      password,
    });
    await audit("staff.create", person.id, person.email, { role: person.role });
    console.log(`Created ${person.email} (${person.role}).`);
    return 0;
  }
  const person = await findStaffByEmail(email);
  if (!person) return fail(`No staff member with email ${email}.`);
  if (command === "set-role") {
    if (!isRole(values.role)) return fail(`--role must be one of ${roles.join(", ")}.`);
    await updateStaffRole(person.id, values.role);
    await audit("staff.role.update", person.id, person.email, { role: values.role });
  } else if (command === "disable" || command === "enable") {
    await setStaffStatus(person.id, command === "disable" ? "disabled" : "active");
    await audit(`staff.${command}`, person.id, person.email, {});
  } else if (command === "reset-password") {
    await setStaffPassword(person.id, await askNewPassword());
    await audit("staff.password.reset", person.id, person.email, {});
  } else {
    return fail(`Unknown command "${command}".\n${usage}`);
  }
  console.log(`Done: ${command} ${person.email}.`);
  return 0;
}

async function askNewPassword(): Promise<string> {
  const password = await readPassword("Password: ");
  if (process.stdin.isTTY && (await readPassword("Again: ")) !== password) {
    throw new Error("The passwords do not match.");
  }
  return password;
}

function audit(
  action: string,
  targetId: string,
  targetLabel: string,
  requestSummary: Record<string, unknown>,
) {
  return recordAudit({
    actor: null,
    action,
    targetType: "staff",
    targetId,
    targetLabel,
    requestSummary: { ...requestSummary, via: "staff-cli" },
    outcome: "success",
    requestId: `cli-${randomUUID()}`,
    userAgent: "subdesk staff-cli",
  });
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
