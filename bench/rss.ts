// Peak memory of processes the benchmark starts. Worker threads (the parse pool) live inside
// their process, so a process's VmHWM already includes them; child processes (if any) are added.
import { readdirSync, readFileSync } from "node:fs";

/** VmHWM (peak resident set) of one process, in MB, or null when it cannot be read. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the "(comm)" field, which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** Peak RSS of a process plus its descendants (each counted at its own peak), in MB. */
export function peakRssTreeMb(pid: number): number | null {
  const own = peakRssMb(pid);
  if (own === null) return null;
  return own + childrenOf(pid).reduce((sum, child) => sum + (peakRssTreeMb(child) ?? 0), 0);
}

/** Samples the peaks of some processes until stopped (a process's HWM is gone once it exits). */
export function watchPeakRss(pids: () => number[]): { stop: () => Map<number, number> } {
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of pids()) {
      const mb = peakRssTreeMb(pid);
      if (mb !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, mb));
    }
  };
  const timer = setInterval(sample, 500);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) a process has used so far, in seconds; null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the full line, 12 and 13 after "(comm) ".
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
