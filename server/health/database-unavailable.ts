// Recognises "PostgreSQL is unreachable" among the errors Prisma (with the pg driver adapter) and
// pg throw, so the web answers 503 "temporarily unavailable" instead of a 500, and the worker
// leaves the application for a retry instead of marking it FAILED.

/** Prisma codes: can't reach / timed out / server closed the connection / pool timeout. */
const PRISMA_UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds (meta.driverAdapterError.cause.kind). */
const ADAPTER_UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseUnavailable",
]);
/** Socket errors and PostgreSQL's own "shutting down / starting up / too many clients" codes. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const MESSAGES = [
  /can't reach database server/i,
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /server closed the connection/i,
  /connection refused/i,
];

export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const candidate = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (candidate.name === "PrismaClientInitializationError") return true;
  if (candidate.code && (PRISMA_UNREACHABLE_CODES.has(candidate.code) || SOCKET_CODES.has(candidate.code))) return true;
  const kind = candidate.meta?.driverAdapterError?.cause?.kind;
  if (kind && ADAPTER_UNREACHABLE_KINDS.has(kind)) return true;
  if (typeof candidate.message === "string" && MESSAGES.some((pattern) => pattern.test(candidate.message!)))
    return true;
  return isDatabaseUnavailableError(candidate.cause, depth + 1);
}

export const DATABASE_UNAVAILABLE = {
  title: "Temporarily unavailable",
  message:
    "The screening service cannot reach its database right now, so nothing was read or saved. " +
    "Try again in a minute; your uploads and decisions from before are safe.",
  retryAfterSeconds: 30,
} as const;
