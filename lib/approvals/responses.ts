// What the decision routes answer: the approval as the decider now sees it, plus, once executed, what the
// direct route would have answered (its status and body).
import "server-only";
import { now } from "@/lib/auth/clock";
import type { StaffSession } from "@/lib/auth/session";
import type { ApprovalRow } from "@/lib/db/approvals";
import type { Execution } from "./actions";
import { toApprovalDto } from "./dto";

type Decided = ApprovalRow | { row: ApprovalRow; execution: Execution };

export function decisionResponse(
  decided: Decided,
  context: { staff: StaffSession; request: Request },
): Response {
  const row = "row" in decided ? decided.row : decided;
  const execution = "row" in decided ? decided.execution : null;
  const approval = toApprovalDto(row, context.staff, now(context.request.headers), {
    mayDecide: false,
    mayBreakGlass: false,
  });
  // `approval` is at the top of every answer, so a client reads it the same way whatever ran.
  if (!execution) return Response.json({ data: approval, approval });
  return Response.json({ ...execution.body, approval }, { status: execution.status });
}
