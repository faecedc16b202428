import { useEffect, useState } from "react";
import { formatDate, formatRelative } from "~/lib/format.ts";

/**
 * The server renders a UTC date; after hydration the browser switches to "5 min ago" in its own
 * clock, so the two renders never disagree.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const full = new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <time dateTime={iso} title={`${full} UTC`}>
      {now ? formatRelative(iso, now) : formatDate(iso)}
    </time>
  );
}
