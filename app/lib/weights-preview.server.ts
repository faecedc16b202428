export { previewRanking, PREVIEW_SIZE } from "@server/ranking/preview-ranking.ts";
export type { Movement, PreviewEntry, RankingPreview } from "@server/ranking/preview-ranking.ts";
