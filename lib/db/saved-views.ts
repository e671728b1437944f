// Saved views of the accounts and users lists: a person's own, and those colleagues share with the team.
import "server-only";
import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { can, type Role } from "@/lib/auth/permissions";
import { log } from "@/lib/log";
import {
  maxSavedViewsPerPerson,
  savedViewLists,
  viewQuerySchemas,
  type CreateSavedViewBody,
  type SavedView,
  type SavedViewList,
} from "@/lib/schemas/saved-views";
import type { Db } from "./connection";
import { getDb } from "./client";
import { savedViews, staff, type SavedViewRow } from "./schema";

/** Who is asking: views are filtered and marked for this person. */
export interface ViewViewer {
  staffId: string;
  role: Role;
}

const viewColumns = {
  id: savedViews.id,
  ownerStaffId: savedViews.ownerStaffId,
  list: savedViews.list,
  name: savedViews.name,
  shared: savedViews.shared,
  query: savedViews.query,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
  ownerName: staff.name,
};
type ViewRecord = SavedViewRow & { ownerName: string };

// Both lists' permissions are held by every role today; checking them keeps a narrower role honest later.
const listPermission = { accounts: "accounts.read", users: "users.read" } as const;

function readableLists(viewer: ViewViewer, list?: SavedViewList): SavedViewList[] {
  return (list ? [list] : [...savedViewLists]).filter((name) => can(viewer.role, listPermission[name]));
}

/**
 * The answer for one row, its query checked again against the list's schema: a row written before a rule
 * changed must not feed the list a query it now refuses. Such a row is left out (and logged), not mended.
 */
function toSavedView(row: ViewRecord, viewer: ViewViewer): SavedView | null {
  const query = viewQuerySchemas[row.list].safeParse(row.query);
  if (!query.success) {
    log.warn("saved view skipped: its query no longer passes the list's schema", { viewId: row.id });
    return null;
  }
  const isMine = row.ownerStaffId === viewer.staffId;
  return {
    id: row.id,
    list: row.list,
    name: row.name,
    shared: row.shared,
    query: query.data,
    ownerId: row.ownerStaffId,
    ownerName: row.ownerName,
    isMine,
    canDelete: isMine || (row.shared && viewer.role === "admin"),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The viewer's own views and the shared ones, by list, then name. */
export async function listSavedViews(
  viewer: ViewViewer,
  list?: SavedViewList,
  db?: Db,
): Promise<SavedView[]> {
  const lists = readableLists(viewer, list);
  if (lists.length === 0) return [];
  const database = db ?? (await getDb());
  const rows = await database
    .select(viewColumns)
    .from(savedViews)
    .innerJoin(staff, eq(staff.id, savedViews.ownerStaffId))
    .where(
      and(
        inArray(savedViews.list, lists),
        or(eq(savedViews.ownerStaffId, viewer.staffId), eq(savedViews.shared, true)),
      ),
    )
    .orderBy(asc(savedViews.list), sql`lower(${savedViews.name})`, asc(savedViews.createdAt));
  return rows.flatMap((row) => toSavedView(row, viewer) ?? []);
}

/**
 * Saves a view for its owner. The owner's staff row is locked for the count and the insert, so two saves at
 * once cannot both pass the limit; the unique index answers a name already used for this list.
 */
export async function createSavedView(
  owner: ViewViewer,
  body: CreateSavedViewBody,
  db?: Db,
): Promise<SavedView> {
  if (readableLists(owner, body.list).length === 0) {
    throw new AppError("forbidden", `Your role cannot see the ${body.list} list.`);
  }
  const database = db ?? (await getDb());
  const row = await database.transaction(async (tx) => {
    await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, owner.staffId)).for("update");
    const [existing] = await tx
      .select({ value: count() })
      .from(savedViews)
      .where(eq(savedViews.ownerStaffId, owner.staffId));
    if ((existing?.value ?? 0) >= maxSavedViewsPerPerson) {
      throw new AppError(
        "conflict",
        `You already have ${maxSavedViewsPerPerson} saved views. Delete one before saving another.`,
      );
    }
    const [inserted] = await tx
      .insert(savedViews)
      .values({
        ownerStaffId: owner.staffId,
        list: body.list,
        name: body.name,
        shared: body.shared,
        query: body.query,
      })
      .onConflictDoNothing()
      .returning();
    return inserted;
  });
  if (!row) {
    throw new AppError("conflict", `You already have a ${body.list} view with this name.`, {
      fields: { name: "You already have a view with this name." },
    });
  }
  const [ownerRow] = await database
    .select({ name: staff.name })
    .from(staff)
    .where(eq(staff.id, owner.staffId));
  const view = toSavedView({ ...row, ownerName: ownerRow?.name ?? "" }, owner);
  if (!view) throw new Error("A view that passed its schema on the way in failed it on the way out.");
  return view;
}

/** One view the viewer may see; someone else's personal view does not exist for them (404). */
export async function findSavedView(viewer: ViewViewer, id: string, db?: Db): Promise<SavedView> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select(viewColumns)
    .from(savedViews)
    .innerJoin(staff, eq(staff.id, savedViews.ownerStaffId))
    .where(eq(savedViews.id, id));
  const isVisible =
    row && readableLists(viewer, row.list).length > 0 && (row.shared || row.ownerStaffId === viewer.staffId);
  const view = isVisible ? toSavedView(row, viewer) : null;
  if (!view) throw new AppError("not_found", "This saved view does not exist (or is not shared with you).");
  return view;
}

/** Deletes a view found by findSavedView: the owner may, and an admin may remove a shared one. */
export async function deleteSavedView(view: SavedView, db?: Db): Promise<void> {
  if (!view.canDelete) {
    throw new AppError("forbidden", "Only the person who shared this view, or an admin, can delete it.");
  }
  const database = db ?? (await getDb());
  const deleted = await database
    .delete(savedViews)
    .where(eq(savedViews.id, view.id))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw new AppError("not_found", "This saved view was already deleted.");
}
