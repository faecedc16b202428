// A short result message at the bottom of the screen ("12 candidates moved to Shortlisted").
// Announced politely (errors assertively); hides itself after a while, or on Close / Escape.
import { useEffect } from "react";

export interface ToastMessage {
  /** Changes for every new message, so the same words twice still show again. */
  id: number;
  tone: "success" | "error";
  text: string;
}

export function Toast({
  toast,
  onDismiss,
  timeoutMs = 7_000,
}: {
  toast: ToastMessage | null;
  onDismiss: () => void;
  timeoutMs?: number;
}) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, toast.tone === "error" ? timeoutMs * 2 : timeoutMs);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onDismiss();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("keydown", onKey);
    };
  }, [toast, onDismiss, timeoutMs]);

  // The live region is always in the page so screen readers pick up what appears in it.
  return (
    <div className="toast-region" aria-live={toast?.tone === "error" ? "assertive" : "polite"} role="status">
      {toast ? (
        <div className={`toast toast--${toast.tone}`} data-testid="toast" key={toast.id}>
          <span className="toast__icon" aria-hidden="true">
            {toast.tone === "error" ? "!" : "✓"}
          </span>
          <span className="toast__text">{toast.text}</span>
          <button type="button" className="toast__close" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
