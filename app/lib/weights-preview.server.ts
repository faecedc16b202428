export { previewRanking, PREVIEW_SIZE } from "@server/requisitions/preview-requisition-weights.ts";
export type { Movement, PreviewEntry, RankingPreview } from "@server/requisitions/preview-requisition-weights.ts";
