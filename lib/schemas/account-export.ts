// GET /api/managed-accounts/export: the list's own query (filters, status, sort) plus the file format.
// Paging is the export's business (every page, 250 at a time): page and pageSize are accepted, so a view's
// URL can be passed on as it is, and ignored.
import { z } from "zod";
import { optionalEnum } from "./common";
import { managedAccountListQuerySchema } from "./managed-accounts";
import { reportFormats } from "./org-users";

export const accountExportQuerySchema = z
  .object({ format: optionalEnum(reportFormats).default("csv") })
  .and(managedAccountListQuerySchema);
export type AccountExportQuery = z.output<typeof accountExportQuerySchema>;
