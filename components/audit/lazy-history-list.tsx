"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { LoadingPanel } from "@/components/ui/state-panels";
import { auditHistoryOptions } from "@/lib/queries/audit";
import type { HistoryList as LoadedHistoryList } from "./history-list";

const historyLoading = () => <LoadingPanel label="Loading history…" />;

// The list (and lib/audit/describe.ts, every action's words: about 3 kB gzipped) is fetched as the page
// shows, rather than with it: the history is always asked for in the browser, so the page showed "Loading
// history…" first anyway, and still does while both arrive.
const LazyHistoryList = dynamic(() => import("./history-list").then((module) => module.HistoryList), {
  ssr: false,
  loading: historyLoading,
});

/** HistoryList, loaded on first render; its query starts at once, alongside the code. */
export function HistoryList(props: ComponentProps<typeof LoadedHistoryList>) {
  const limit = props.limit ?? 20;
  // Same key as the list's own query, so the list finds the answer (or the request) already under way.
  useQuery(auditHistoryOptions(props.targetId, limit));
  return <LazyHistoryList {...props} limit={limit} />;
}
