"use client";

import { useQuery } from "@tanstack/react-query";
import { useStaff } from "@/components/shell/staff-context";
import { Card } from "@/components/ui/card";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { staffListOptions } from "@/lib/queries/staff";
import { StaffTable } from "./staff-table";

/** The staff list; the server rendered it into the cache, changes refetch it. */
export function StaffView() {
  const me = useStaff();
  const staff = useQuery(staffListOptions());
  return (
    <Card className="p-0!" aria-busy={staff.isFetching}>
      {staff.isPending ? (
        <LoadingPanel label="Loading staff…" />
      ) : staff.isError ? (
        <ErrorPanel
          message={`The staff list could not be loaded: ${staff.error.message}`}
          onRetry={() => void staff.refetch()}
          isRetrying={staff.isFetching}
        />
      ) : staff.data.data.length === 0 ? (
        <EmptyPanel title="Nobody can sign in yet">Add a person with the button above.</EmptyPanel>
      ) : (
        <StaffTable people={staff.data.data} selfEmail={me.email} />
      )}
    </Card>
  );
}
