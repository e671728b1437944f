// "approval.requested" through the alert webhook (12b's signed delivery: the row's body is signed and
// posted by lib/webhooks/deliver.ts with its retries). Nothing is sent when no webhook is configured.
import "server-only";
import { insertDelivery } from "@/lib/db/webhook-deliveries";
import type { ApprovalRow } from "@/lib/db/approvals";
import { errorFields, log } from "@/lib/log";
import { readWebhookConfig } from "@/lib/webhooks/config";
import { announceDelivery } from "@/lib/webhooks/queue";

/** Slack reads `text`; &, < and > are its markup, and the requester typed the reason. */
const slackEscape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function announceApprovalRequested(row: ApprovalRow): Promise<void> {
  try {
    const config = readWebhookConfig();
    if (!config) return;
    const body = JSON.stringify({
      id: row.id,
      type: "approval.requested",
      at: row.createdAt.toISOString(),
      approval: {
        id: row.id,
        action: row.action,
        target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
        requestedBy: row.requestedByEmail,
        reason: row.reason,
        expiresAt: row.expiresAt.toISOString(),
      },
      text: slackEscape(
        `:lock: Approval needed: ${row.requestedByEmail} asks for ${row.action} on ${row.targetLabel ?? row.targetId}.`,
      ),
    });
    const deliveryId = await insertDelivery({
      eventId: row.id,
      eventType: "approval.requested",
      url: config.url,
      body,
    });
    if (deliveryId) await announceDelivery(deliveryId);
  } catch (error) {
    // The approval stands without its notice: the shell's badge and /approvals still show it.
    log.warn("approval webhook not queued", { approvalId: row.id, ...errorFields(error) });
  }
}
