// The requisition shell (app/routes/requisitions.$id.tsx) and the candidates table under it read
// the requisition row once per HTTP request: the shell's loader and the table's loader run in the
// same request (one request context) and share one read of the row and the membership.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createAccessFixtures, type AccessFixtures } from "../support/access-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

let testDb: TestDatabase;
let fixtures: AccessFixtures;
let cookie: string;
let reads = 0;
let shellLoader: Loader;
let tableLoader: Loader;
let inRequest: <T>(work: () => Promise<T>) => Promise<T>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  fixtures = await createAccessFixtures(testDb.db);
  process.env.DATABASE_URL = testDb.url;
  process.env.LOG_LEVEL = "silent";
  // The web modules' client, counting every query on the Requisition table.
  const { createPrismaClient } = await import("../../server/db/client.ts");
  const counted = createPrismaClient(testDb.url).$extends({
    query: {
      requisition: {
        $allOperations({ args, query }) {
          reads += 1;
          return query(args);
        },
      },
    },
  });
  (globalThis as unknown as { __prisma?: unknown }).__prisma = counted;
  const { createSession, SESSION_COOKIE } = await import("../../server/auth/sessions.ts");
  const { token } = await createSession(testDb.db, fixtures.users.recruiter.id);
  cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  shellLoader = ((await import("../../app/routes/requisitions.$id.tsx")) as { loader: Loader }).loader;
  tableLoader = ((await import("../../app/routes/requisitions.$id._index.tsx")) as { loader: Loader }).loader;
  const { requestContextStorage } = await import("../../server/http/request-context.ts");
  inRequest = (work) => requestContextStorage().run({ clientIp: null, cspNonce: "n" }, work);
}, 120_000);

afterAll(async () => {
  const client = (globalThis as unknown as { __prisma?: { $disconnect(): Promise<void> } }).__prisma;
  await client?.$disconnect();
  await testDb?.drop();
});

describe("the requisition shell", () => {
  it("reads the requisition row once for the shell and the table of one request", async () => {
    const url = `http://localhost/requisitions/${fixtures.requisitionId}?sort=overall`;
    // Remix hands each loader its own Request object for the same HTTP request.
    const args = () => ({
      request: new Request(url, { headers: { Cookie: cookie } }),
      params: { id: fixtures.requisitionId },
      context: { clientIp: null, cspNonce: "n" },
    });
    reads = 0;
    const [shell, table] = await inRequest(() => Promise.all([shellLoader(args()), tableLoader(args())]));
    expect(reads).toBe(1);
    expect((shell as { requisition: { id: string } }).requisition.id).toBe(fixtures.requisitionId);
    expect((table as { candidates: { requisitionTotal: number } }).candidates.requisitionTotal).toBeGreaterThan(0);
  });

  it("refuses a non-member with the one refusal wording, before any table query", async () => {
    const { createSession, SESSION_COOKIE } = await import("../../server/auth/sessions.ts");
    const { token } = await createSession(testDb.db, fixtures.users.recruiterOutsider.id);
    const request = new Request(`http://localhost/requisitions/${fixtures.requisitionId}`, {
      headers: { Cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` },
    });
    const refused = await inRequest(() =>
      shellLoader({ request, params: { id: fixtures.requisitionId }, context: { clientIp: null, cspNonce: "n" } }).then(
        () => null,
        (error: unknown) => error as { init: { status: number }; data: { message: string } },
      ),
    );
    expect(refused?.init.status).toBe(403);
    expect(refused?.data.message).toBe("You are not a member of this requisition. Ask an admin to add you to it.");
  });
});
