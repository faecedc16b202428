// Short plain-word labels for the reason codes a recruiter meets at intake and while parsing
// (the full explanation is the message beside the label).
const REASON_LABELS: Record<string, string> = {
  // Refused at upload (server/intake/refusals.ts)
  empty: "Empty",
  too_large: "Too large",
  too_many_files: "Too many files",
  nested_archive: "Archive in an archive",
  encrypted: "Password-protected",
  corrupt: "Damaged",
  unsupported_compression: "Unreadable compression",
  internal: "Server error",
  duplicate: "Already applied",
  // Failed while reading (screening contract)
  unsupported_type: "Not a résumé format",
  no_text: "No text (scan or image)",
  timeout: "Took too long",
};

export function reasonLabel(code: string | null): string {
  if (!code) return "Failed";
  return REASON_LABELS[code] ?? code.replace(/_/g, " ");
}
