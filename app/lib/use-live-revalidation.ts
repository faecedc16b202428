import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Re-runs the page's loaders every `intervalMs` while `active` (e.g. résumés still being
 * parsed). Skips ticks while the tab is hidden or another request is in flight, and refreshes
 * once as soon as the tab becomes visible again.
 */
export function useLiveRevalidation(active: boolean, intervalMs = 1_500) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = useRef(false);
  busy.current = revalidator.state !== "idle" || navigation.state !== "idle";
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState !== "visible" || busy.current) return;
      revalidate.current();
    };
    const timer = setInterval(tick, intervalMs);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [active, intervalMs]);

  return { active, refreshing: revalidator.state === "loading" };
}
