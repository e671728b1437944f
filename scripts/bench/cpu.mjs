// CPU time a process group spent, from /proc: on a machine shared with other work, the milliseconds of CPU
// a request costs move far less than its wall time, so the report shows both.
import { readFileSync, readdirSync } from "node:fs";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux this runs on.
const TICKS_PER_SECOND = 100;

/** utime + stime (ms) of every process whose process group is `groupId`. */
export function groupCpuMs(groupId) {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the ")" that closes the command name: state, ppid, pgrp, ..., utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
