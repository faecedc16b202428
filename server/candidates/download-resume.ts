// The original résumé file, as an attachment that a browser never renders in our origin:
// a sanitised file name whose extension matches the sniffed type, a fixed Content-Type from the
// bytes (never from the upload), nosniff, a sandboxing CSP, no caching. Refused while blind
// review hides the candidate's identity (the file is the identity). Every download is audited.
import type { AuditActor } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { FileType } from "../generated/prisma/enums.ts";
import { sanitizeFileName } from "../intake/sanitize-file-name.ts";
import { identityVisible } from "../privacy/blind-review.ts";
import { isRevealedTo, recordIdentitySeen } from "../privacy/identity-reveal.ts";

export const CONTENT_TYPES: Record<FileType, string> = {
  PDF: "application/pdf",
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  TXT: "text/plain; charset=utf-8",
  PNG: "image/png",
  JPEG: "image/jpeg",
};

const EXTENSIONS: Record<FileType, string> = { PDF: ".pdf", DOCX: ".docx", TXT: ".txt", PNG: ".png", JPEG: ".jpg" };

/** Extensions a desktop would run or render as active content if the file were opened. */
const ACTIVE_EXTENSIONS =
  /\.(html?|xhtml|shtml|svg|xml|xsl|js|mjs|hta|exe|bat|cmd|com|scr|ps1|sh|jar|msi|vbs|lnk|url|desktop)$/i;

/** The name a downloaded file is saved under: sanitised, with the extension of what it really is. */
export function downloadFileName(originalName: string, type: FileType | null): string {
  let name = sanitizeFileName(originalName);
  if (type) {
    const wanted = EXTENSIONS[type];
    const matches = name.toLowerCase().endsWith(wanted) || (type === "TXT" && /\.(txt|md|text)$/i.test(name));
    if (!matches) name = `${name.replace(/\.(pdf|docx?|txt|md|rtf)$/i, "")}${wanted}`;
  } else if (ACTIVE_EXTENSIONS.test(name)) {
    name = `${name}.bin`;
  }
  return name;
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\;%]/g, "_")
      .trim() || "resume";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function downloadHeaders(fileName: string, type: FileType | null, size: number): Headers {
  return new Headers({
    "Content-Type": type ? CONTENT_TYPES[type] : "application/octet-stream",
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
  });
}

export interface DownloadedResume {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  headers: Headers;
}

export async function downloadResume(
  db: Db,
  actor: AuditActor,
  input: {
    requisitionId: string;
    applicationId: string;
    /** A file merged into this application from a duplicate (merge-candidates.ts); default: its own. */
    fileId?: string | null;
    ip?: string | null;
  },
): Promise<DownloadedResume> {
  const application = await db.application.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      requisitionId: true,
      stage: true,
      requisition: { select: { blindReview: true } },
      resumeFile: { select: { originalName: true, detectedType: true, bytes: true } },
      mergedFiles: input.fileId
        ? { where: { id: input.fileId }, select: { originalName: true, detectedType: true, bytes: true } }
        : undefined,
    },
  });
  if (!application || application.requisitionId !== input.requisitionId) {
    throw new AppError("not_found", "Candidate not found: this candidate is not part of this requisition.");
  }
  const revealed =
    application.requisition.blindReview && application.stage !== "SHORTLISTED"
      ? await isRevealedTo(db, actor.id, application.id)
      : false;
  if (!identityVisible(application.requisition.blindReview, application.stage, revealed)) {
    throw new AppError(
      "forbidden",
      "Original file hidden by blind review: it shows the candidate's identity, " +
        "so it can be downloaded once the candidate is shortlisted.",
    );
  }

  const resumeFile = input.fileId ? application.mergedFiles?.[0] : application.resumeFile;
  if (!resumeFile) throw new AppError("not_found", "File not found: this file is not one of this candidate's.");
  await recordIdentitySeen(db, actor, [{ ...application, blindReview: application.requisition.blindReview }]);
  const bytes = new Uint8Array(resumeFile.bytes);
  const fileName = downloadFileName(resumeFile.originalName, resumeFile.detectedType);
  await recordAudit(db, actor, {
    action: "file.download",
    summary: "Original résumé file downloaded",
    targetType: "application",
    targetId: application.id,
    requisitionId: application.requisitionId,
    after: {
      type: resumeFile.detectedType,
      sizeBytes: bytes.byteLength,
      ...(input.fileId ? { fileId: input.fileId } : {}),
    },
    ip: input.ip ?? null,
  });
  return { bytes, fileName, headers: downloadHeaders(fileName, resumeFile.detectedType, bytes.byteLength) };
}
