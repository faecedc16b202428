// Live counts of an upload batch: listens to the batch's server-sent events (one JSON count a
// second) and re-runs the page's loader whenever the counts move, so the file list follows.
// Where EventSource is missing or the stream cannot be opened, falls back to polling the loader.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { BatchCounts } from "@server/intake/get-upload-batch.ts";
import { useLiveRevalidation } from "./use-live-revalidation.ts";

export type LiveMode = "stream" | "polling" | "idle";

function sameCounts(a: BatchCounts, b: BatchCounts): boolean {
  return a.QUEUED === b.QUEUED && a.PROCESSING === b.PROCESSING && a.DONE === b.DONE && a.FAILED === b.FAILED;
}

export function useBatchEvents(url: string, initial: BatchCounts): { counts: BatchCounts; mode: LiveMode } {
  const active = initial.pending > 0;
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [live, setLive] = useState<BatchCounts | null>(null);
  const [mode, setMode] = useState<LiveMode>("idle");
  const seen = useRef(initial);

  useEffect(() => {
    if (!active) {
      setMode("idle");
      return;
    }
    if (typeof EventSource === "undefined") {
      setMode("polling");
      return;
    }
    const source = new EventSource(url);
    setMode("stream");
    source.addEventListener("counts", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as BatchCounts;
      setLive(next);
      if (!sameCounts(next, seen.current)) {
        seen.current = next;
        revalidate.current();
      }
    });
    source.addEventListener("end", () => {
      source.close();
      setMode("idle");
      revalidate.current();
    });
    source.onerror = () => {
      // CONNECTING means the browser reconnects by itself; CLOSED means the stream was refused.
      if (source.readyState === EventSource.CLOSED) setMode("polling");
    };
    return () => source.close();
  }, [url, active]);

  useLiveRevalidation(active && mode === "polling");

  // The loader and the stream both report; show whichever has seen more files finish.
  const finished = (counts: BatchCounts) => counts.DONE + counts.FAILED;
  const counts = live && finished(live) >= finished(initial) ? live : initial;
  return { counts, mode: active ? mode : "idle" };
}
