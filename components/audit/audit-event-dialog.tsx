"use client";

import { useQuery } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { describeAuditEvent } from "@/lib/audit/describe";
import { auditEventOptions } from "@/lib/queries/audit";
import { AuditEventFields } from "./audit-event-fields";

interface AuditEventDialogProps {
  eventId: string | null;
  onClose: () => void;
}

/** One row's details; its id is in the URL (?event=), so the view can be linked to and survives a reload. */
export function AuditEventDialog({ eventId, onClose }: AuditEventDialogProps) {
  const event = useQuery({ ...auditEventOptions(eventId ?? ""), enabled: eventId !== null });
  return (
    <Dialog
      open={eventId !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={event.data ? describeAuditEvent(event.data).summary : "Audit event"}
      description="Everything recorded about this request."
    >
      {/* The dialog itself is capped to the viewport and scrolls; no second scroller inside it. */}
      <div>
        {event.isPending ? (
          <LoadingPanel label="Loading the event…" />
        ) : event.isError ? (
          <ErrorPanel
            message={event.error.message}
            onRetry={() => void event.refetch()}
            isRetrying={event.isFetching}
          />
        ) : (
          <AuditEventFields event={event.data} />
        )}
      </div>
    </Dialog>
  );
}
