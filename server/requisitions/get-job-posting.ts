// A requisition's job posting with who added it, for "Role description" and the draft review.
// Read apart from the requisition row (which every page of the requisition reads): only the pages
// that show the posting pay for its text.
import type { Db } from "../db/client.ts";

export interface JobPostingView {
  text: string;
  fileName: string | null;
  uploadedAt: Date;
  uploadedBy: string | null;
}

export async function getJobPosting(db: Db, requisitionId: string): Promise<JobPostingView | null> {
  const posting = await db.jobPosting.findUnique({
    where: { requisitionId },
    select: { text: true, fileName: true, uploadedAt: true, uploadedBy: { select: { name: true } } },
  });
  if (!posting) return null;
  return {
    text: posting.text,
    fileName: posting.fileName,
    uploadedAt: posting.uploadedAt,
    uploadedBy: posting.uploadedBy?.name ?? null,
  };
}
