// Server-sent events for an upload batch's progress view: `counts` (JSON: QUEUED, PROCESSING,
// DONE, FAILED, total, pending) once a second, then `end` and the stream closes when nothing is
// pending. A stream is recycled after a few minutes (the browser reconnects by itself), so a
// stalled queue never holds a connection and a database poll open for ever.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRequisitionPermission } from "~/lib/auth.server.ts";
import { batchExists, getBatchCounts } from "~/lib/intake.server.ts";
import { notFound } from "~/lib/app-error.server.ts";

const INTERVAL_MS = 1_000;
const MAX_STREAM_MS = 5 * 60_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRequisitionPermission(request, params.id, "view");
  const requisitionId = params.id!;
  const batchId = params.batchId ?? "";
  if (!(await batchExists(requisitionId, batchId))) {
    notFound("Upload not found", "This upload does not exist in this requisition.");
  }

  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const startedAt = Date.now();

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const send = (event: string, payload: unknown) =>
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`));
      const tick = async () => {
        if (closed) return;
        try {
          const counts = await getBatchCounts(batchId);
          if (closed) return;
          send("counts", counts);
          if (counts.pending === 0) {
            send("end", counts);
            close();
            return;
          }
        } catch {
          close();
          return;
        }
        if (Date.now() - startedAt > MAX_STREAM_MS) close();
        else timer = setTimeout(tick, INTERVAL_MS);
      };
      request.signal.addEventListener("abort", close);
      // How long the browser waits before reconnecting after the stream is recycled.
      controller.enqueue(encoder.encode(`retry: 2000\n\n`));
      void tick();
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
