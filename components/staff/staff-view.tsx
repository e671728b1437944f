"use client";

import { useQuery } from "@tanstack/react-query";
import { useStaff } from "@/components/shell/staff-context";
import { Card } from "@/components/ui/card";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { staffListOptions } from "@/lib/queries/staff";
import { StaffTable } from "./staff-table";

/** The staff list; the server rendered it into the cache, changes refetch it. */
export function StaffView() {
  const me = useStaff();
  const staff = useQuery(staffListOptions());
  return (
    <Card className="p-0!" aria-busy={staff.isFetching}>
      <ListStates
        query={staff}
        noun="staff"
        isEmpty={(list) => list.data.length === 0}
        empty={<EmptyPanel title="Nobody can sign in yet">Add a person with the button above.</EmptyPanel>}
      >
        {(list) => <StaffTable people={list.data} selfEmail={me.email} />}
      </ListStates>
    </Card>
  );
}
