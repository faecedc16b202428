// Bulk intake against the real PostgreSQL: an upload of loose files and ZIP archives becomes one
// UploadBatch; every file is stored or refused with a reason; refused archives leave nothing
// behind; the progress counts and the event stream report the batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countBatchStatuses, getUploadBatch, listRecentBatches } from "../../server/intake/get-upload-batch.ts";
import { intakeUpload, type ReceivedFile, type UploadDeps } from "../../server/intake/intake-upload.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { makeDocx, makeZip } from "../factories/zip-writer.ts";
import { createTestDatabase, uniqueName, type TestDatabase } from "../support/test-database.ts";

const MB = 1024 * 1024;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const text = (value: string) => new TextEncoder().encode(value);
const inMemory = (name: string, bytes: Uint8Array): ReceivedFile => ({ name, source: { bytes }, size: bytes.length });

let testDb: TestDatabase;
let requisitionId: string;
let recruiterId: string;
let enqueued: string[] = [];

function deps(limits: Partial<UploadDeps["limits"]> = {}): UploadDeps {
  return {
    db: testDb.db,
    enqueue: async (id) => {
      enqueued.push(id);
    },
    limits: { maxFileBytes: 10 * MB, maxFiles: 500, maxZipBytes: 500 * MB, ...limits },
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const requisition = await testDb.db.requisition.create({ data: { title: "ML Engineer (bulk intake)" } });
  requisitionId = requisition.id;
  const recruiter = await testDb.db.user.create({
    data: { email: "recruiter@bulk.test", name: "Rita Recruiter", role: "RECRUITER" },
  });
  recruiterId = recruiter.id;
  await testDb.db.requisitionMember.create({ data: { requisitionId, userId: recruiterId } });
});

afterAll(async () => {
  await testDb?.drop();
});

describe("intakeUpload: one batch per upload", () => {
  it("stores loose files and archive entries, refuses the rest with reasons, and leaves nothing half-written", async () => {
    enqueued = [];
    const goodZip = makeZip([
      { name: "2024/", data: "" },
      { name: "2024/march/grace-hopper.pdf", data: makePdf(["Grace Hopper", "Data Scientist"]), compress: true },
      { name: "2024/jane-doe.docx", data: makeDocx(["Jane Doe", "ML Engineer"]), compress: true },
      { name: "../../escape/ana-lima.md", data: "# Ana Lima\nMLOps engineer", compress: true },
      { name: "inner.zip", data: makeZip([{ name: "x.txt", data: "X" }]) },
      { name: "__MACOSX/2024/._jane-doe.docx", data: "resource fork" },
      { name: ".DS_Store", data: "junk" },
    ]);
    const bomb = makeZip([
      { name: "first.txt", data: "First Person\nEngineer" },
      { name: "bomb.txt", data: new Uint8Array(30 * MB), compress: true, declaredSize: 2048 },
    ]);
    const encrypted = makeZip([{ name: "locked.pdf", data: "\u0000".repeat(64), encrypted: true }]);
    const truncated = goodZip.subarray(0, 200);

    const receipt = await intakeUpload(deps(), {
      requisitionId,
      uploadedById: recruiterId,
      files: [
        inMemory("ada-lovelace.txt", text("Ada Lovelace\nML Engineer\nPython, PyTorch")),
        inMemory("photo.png", PNG),
        inMemory("blank.txt", new Uint8Array(0)),
        inMemory("resumes.zip", goodZip),
        inMemory("bomb.zip", bomb),
        inMemory("locked.zip", encrypted),
        inMemory("partial.zip", truncated),
        inMemory("nothing.zip", makeZip([{ name: "folder/", data: "" }])),
      ],
    });

    expect(receipt.outcomes.map((o) => [o.fileName, o.archive, o.accepted ? o.status : o.reason.code])).toEqual([
      ["ada-lovelace.txt", null, "QUEUED"],
      ["photo.png", null, "FAILED"],
      ["blank.txt", null, "empty"],
      ["grace-hopper.pdf", "resumes.zip", "QUEUED"],
      ["jane-doe.docx", "resumes.zip", "QUEUED"],
      ["ana-lima.md", "resumes.zip", "QUEUED"],
      ["inner.zip", "resumes.zip", "nested_archive"],
      ["bomb.zip", null, "too_large"],
      ["locked.zip", null, "encrypted"],
      ["partial.zip", null, "corrupt"],
      ["nothing.zip", null, "empty"],
    ]);
    // 3 loose + 4 files in resumes.zip + one per refused archive.
    expect(receipt.fileCount).toBe(11);

    const batch = await testDb.db.uploadBatch.findUniqueOrThrow({ where: { id: receipt.batchId } });
    expect(batch).toMatchObject({ requisitionId, createdById: recruiterId, fileCount: 11 });
    expect(batch.refused).toEqual([
      { fileName: "blank.txt", archive: null, code: "empty", message: "The file is empty (0 bytes)." },
      expect.objectContaining({ fileName: "inner.zip", archive: "resumes.zip", code: "nested_archive" }),
      expect.objectContaining({
        fileName: "bomb.zip",
        archive: null,
        code: "too_large",
        message: expect.stringContaining("zip bomb"),
      }),
      expect.objectContaining({
        fileName: "locked.zip",
        code: "encrypted",
        message: expect.stringContaining("password-protected"),
      }),
      expect.objectContaining({
        fileName: "partial.zip",
        code: "corrupt",
        message: expect.stringContaining("incomplete"),
      }),
      expect.objectContaining({ fileName: "nothing.zip", code: "empty" }),
    ]);

    // Exactly the accepted files are stored, each with its batch, uploader, file and candidate.
    const applications = await testDb.db.application.findMany({
      where: { requisitionId },
      include: { resumeFile: { select: { originalName: true, sizeBytes: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(applications.map((a) => [a.resumeFile.originalName, a.status, a.batchId, a.uploadedById])).toEqual([
      ["ada-lovelace.txt", "QUEUED", receipt.batchId, recruiterId],
      ["photo.png", "FAILED", receipt.batchId, recruiterId],
      ["grace-hopper.pdf", "QUEUED", receipt.batchId, recruiterId],
      ["jane-doe.docx", "QUEUED", receipt.batchId, recruiterId],
      ["ana-lima.md", "QUEUED", receipt.batchId, recruiterId],
    ]);
    // A PNG's first 12 bytes: scans are read by OCR, but this one is cut short, refused from its header.
    expect(applications[1]!.failureCode).toBe("corrupt");
    // Nothing from a refused archive: not even its first, valid file.
    expect(await testDb.db.resumeFile.count()).toBe(5);
    expect(await testDb.db.candidate.count()).toBe(5);
    expect(await testDb.db.resumeFile.count({ where: { originalName: "first.txt" } })).toBe(0);
    expect(enqueued.sort()).toEqual(
      applications
        .filter((a) => a.status === "QUEUED")
        .map((a) => a.id)
        .sort(),
    );
  });

  it("refuses an archive that would take the upload over MAX_FILES_PER_UPLOAD, and stores the loose files", async () => {
    const zip = makeZip(Array.from({ length: 3 }, (_, i) => ({ name: `cv-${i}.txt`, data: `Person ${i}\nEngineer` })));
    const receipt = await intakeUpload(deps({ maxFiles: 4 }), {
      requisitionId,
      uploadedById: recruiterId,
      files: [
        inMemory("a.txt", text("A Person\nDev")),
        inMemory("big.zip", zip),
        inMemory("b.txt", text("B Person\nDev")),
      ],
    });
    expect(receipt.outcomes.map((o) => [o.fileName, o.accepted ? o.status : o.reason.code])).toEqual([
      ["a.txt", "QUEUED"],
      ["big.zip", "too_many_files"],
      ["b.txt", "QUEUED"],
    ]);
    const refused = receipt.outcomes.find((o) => !o.accepted);
    expect(refused?.reason.message).toBe(
      "The archive holds 3 files and 2 others came with it: more than the 4 files one upload may hold. Nothing from it was stored; upload it on its own.",
    );
    expect(await testDb.db.application.count({ where: { batchId: receipt.batchId } })).toBe(2);
  });

  it("reads archives from files on disk (as the web process receives them)", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(os.tmpdir(), "bulk-intake-"));
    try {
      const file = path.join(dir, "0");
      await writeFile(file, makeZip([{ name: "x/cv.txt", data: "Disk Person\nEngineer", compress: true }]));
      const receipt = await intakeUpload(deps(), {
        requisitionId,
        uploadedById: recruiterId,
        files: [
          { name: "disk.zip", source: { path: file }, size: 1 },
          { name: "cut.txt", source: { path: file }, size: 11 * MB, overLimit: true },
        ],
      });
      expect(receipt.outcomes.map((o) => [o.fileName, o.accepted ? o.status : o.reason.message])).toEqual([
        ["cv.txt", "QUEUED"],
        ["cut.txt", "The file is larger than 10 MB, the limit per résumé."],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("batch progress", () => {
  it("counts statuses, lists files and refusals, and hides names under blind review from everyone but the uploader", async () => {
    const receipt = await intakeUpload(deps(), {
      requisitionId,
      uploadedById: recruiterId,
      files: [
        inMemory("alice.txt", text("Alice\nDev")),
        inMemory("bob.txt", text("Bob\nDev")),
        inMemory("carol.txt", text("Carol\nDev")),
        inMemory("empty.txt", new Uint8Array(0)),
      ],
    });
    const ids = receipt.outcomes.flatMap((o) => (o.accepted ? [o.applicationId] : []));
    expect(await countBatchStatuses(testDb.db, receipt.batchId)).toEqual({
      QUEUED: 3,
      PROCESSING: 0,
      NEEDS_REVIEW: 0,
      DONE: 0,
      FAILED: 0,
      total: 3,
      pending: 3,
    });
    await testDb.db.application.update({ where: { id: ids[0]! }, data: { status: "DONE" } });
    await testDb.db.application.update({ where: { id: ids[1]! }, data: { status: "PROCESSING" } });
    await testDb.db.application.update({
      where: { id: ids[2]! },
      data: { status: "FAILED", failureCode: "no_text", failureMessage: "This PDF has no text layer." },
    });
    expect(await countBatchStatuses(testDb.db, receipt.batchId)).toEqual({
      QUEUED: 0,
      PROCESSING: 1,
      NEEDS_REVIEW: 0,
      DONE: 1,
      FAILED: 1,
      total: 3,
      pending: 1,
    });

    const view = await getUploadBatch(testDb.db, { requisitionId, batchId: receipt.batchId, viewerId: recruiterId });
    expect(view?.files.map((f) => [f.fileName, f.status, f.failureCode])).toEqual([
      ["alice.txt", "DONE", null],
      ["bob.txt", "PROCESSING", null],
      ["carol.txt", "FAILED", "no_text"],
    ]);
    expect(view?.refused).toEqual([
      { fileName: "empty.txt", archive: null, code: "empty", message: "The file is empty (0 bytes)." },
    ]);
    expect(view?.createdBy).toBe("Rita Recruiter");

    // Another requisition's id does not open the batch.
    const other = await testDb.db.requisition.create({ data: { title: "Other" } });
    expect(
      await getUploadBatch(testDb.db, { requisitionId: other.id, batchId: receipt.batchId, viewerId: recruiterId }),
    ).toBeNull();

    await testDb.db.requisition.update({ where: { id: requisitionId }, data: { blindReview: true } });
    try {
      const blind = await getUploadBatch(testDb.db, {
        requisitionId,
        batchId: receipt.batchId,
        viewerId: "someone-else",
      });
      expect(blind?.files.every((f) => f.identityHidden && f.fileName.startsWith("Candidate "))).toBe(true);
      expect(blind?.refused[0]?.fileName).toBe("Refused file 1");
      const own = await getUploadBatch(testDb.db, { requisitionId, batchId: receipt.batchId, viewerId: recruiterId });
      expect(own?.files[0]?.fileName).toBe("alice.txt");
    } finally {
      await testDb.db.requisition.update({ where: { id: requisitionId }, data: { blindReview: false } });
    }

    const recent = await listRecentBatches(testDb.db, requisitionId);
    expect(recent[0]).toMatchObject({
      id: receipt.batchId,
      fileCount: 4,
      refusedCount: 1,
      counts: { pending: 1, DONE: 1 },
    });
  });
});

describe("HTTP: upload action and event stream", () => {
  let cookie: string;
  type RouteModule = {
    loader?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
    action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  };
  let requisitionRoute: RouteModule;
  let eventsRoute: RouteModule;
  let closeQueue: () => Promise<void>;

  beforeAll(async () => {
    // The web modules read their configuration once, on first use: point them at this test's
    // database, a private queue prefix and small limits before importing them.
    process.env.DATABASE_URL = testDb.url;
    process.env.QUEUE_PREFIX = uniqueName("mle_it");
    process.env.MAX_UPLOAD_BYTES = String(64 * 1024);
    process.env.MAX_UPLOAD_REQUEST_BYTES = String(1 * MB);
    process.env.LOG_LEVEL = "silent";
    const { createSession, SESSION_COOKIE } = await import("../../server/auth/sessions.ts");
    const { token } = await createSession(testDb.db, recruiterId);
    cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
    requisitionRoute = (await import("../../app/routes/requisitions.$id.tsx")) as RouteModule;
    eventsRoute = (await import("../../app/routes/requisitions.$id.uploads.$batchId_.events.tsx")) as RouteModule;
    const services = await import("../../server/services.ts");
    closeQueue = async () => {
      const queue = services.getParseQueue();
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    };
  });

  afterAll(async () => {
    await closeQueue?.();
    const { getPrisma } = await import("../../server/db/client.ts");
    await getPrisma().$disconnect();
  });

  function upload(files: File[], headers: Record<string, string> = {}): Request {
    const form = new FormData();
    for (const file of files) form.append("resumes", file);
    return new Request(`http://localhost/requisitions/${requisitionId}`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie, ...headers },
    });
  }

  it("streams the multipart upload into a batch and redirects to its progress view", async () => {
    const zip = makeZip([
      { name: "team/zoe.txt", data: "Zoe Zhang\nML Engineer", compress: true },
      { name: "team/yan.txt", data: "Yan Yu\nData Engineer", compress: true },
    ]);
    const response = (await requisitionRoute.action!({
      request: upload([
        new File(["Xena Xu\nEngineer"], "xena.txt", { type: "text/plain" }),
        new File([new Uint8Array(zip)], "team.zip", { type: "application/zip" }),
        new File([new Uint8Array(100 * 1024).fill(97)], "too-big.txt", { type: "text/plain" }),
      ]),
      params: { id: requisitionId },
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    const match = location.match(new RegExp(`^/requisitions/${requisitionId}/uploads/([a-z0-9]+)$`));
    expect(match).not.toBeNull();
    const batch = await testDb.db.uploadBatch.findUniqueOrThrow({
      where: { id: match![1]! },
      include: { applications: { include: { resumeFile: { select: { originalName: true } } } } },
    });
    expect(batch.createdById).toBe(recruiterId);
    expect(batch.fileCount).toBe(4);
    expect(batch.applications.map((a) => a.resumeFile.originalName).sort()).toEqual(["xena.txt", "yan.txt", "zoe.txt"]);
    expect(batch.refused).toEqual([
      {
        fileName: "too-big.txt",
        archive: null,
        code: "too_large",
        message: "The file is larger than 64 KB, the limit per résumé.",
      },
    ]);
  });

  it("refuses a request over the total size before storing anything", async () => {
    const before = await testDb.db.uploadBatch.count();
    const result = await requisitionRoute.action!({
      request: upload([new File([new Uint8Array(1.5 * MB)], "huge.zip", { type: "application/zip" })]),
      params: { id: requisitionId },
      context: {},
    });
    expect(result).toMatchObject({
      init: { status: 413 },
      data: { formError: expect.stringContaining("larger than 1 MB in total") },
    });
    expect(await testDb.db.uploadBatch.count()).toBe(before);
  });

  it("the event stream sends JSON counts, then `end` and closes when nothing is pending", async () => {
    const receipt = await intakeUpload(deps(), {
      requisitionId,
      uploadedById: recruiterId,
      files: [inMemory("sse-1.txt", text("One\nDev")), inMemory("sse-2.txt", text("Two\nDev"))],
    });
    const request = new Request(`http://localhost/requisitions/${requisitionId}/uploads/${receipt.batchId}/events`, {
      headers: { Cookie: cookie, Accept: "text/event-stream" },
    });
    const response = (await eventsRoute.loader!({
      request,
      params: { id: requisitionId, batchId: receipt.batchId },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toContain("no-transform");

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    const nextEvent = async (): Promise<{ event: string; data: unknown }> => {
      for (;;) {
        const end = buffered.indexOf("\n\n");
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = block.match(/^event: (.+)$/m)?.[1];
          const data = block.match(/^data: (.+)$/m)?.[1];
          if (event && data) return { event, data: JSON.parse(data) };
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error("stream closed");
        buffered += decoder.decode(chunk.value, { stream: true });
      }
    };

    expect(await nextEvent()).toEqual({
      event: "counts",
      data: { QUEUED: 2, PROCESSING: 0, NEEDS_REVIEW: 0, DONE: 0, FAILED: 0, total: 2, pending: 2 },
    });
    await testDb.db.application.updateMany({ where: { batchId: receipt.batchId }, data: { status: "DONE" } });
    let event = await nextEvent();
    while (event.event === "counts" && (event.data as { pending: number }).pending > 0) event = await nextEvent();
    expect(event).toEqual({
      event: "counts",
      data: { QUEUED: 0, PROCESSING: 0, NEEDS_REVIEW: 0, DONE: 2, FAILED: 0, total: 2, pending: 0 },
    });
    expect((await nextEvent()).event).toBe("end");
    expect((await reader.read()).done).toBe(true);
  });

  it("the event stream answers 404 for a batch of another requisition, and sends strangers to sign in", async () => {
    const other = await testDb.db.requisition.create({ data: { title: "Elsewhere" } });
    await testDb.db.requisitionMember.create({ data: { requisitionId: other.id, userId: recruiterId } });
    const batch = await testDb.db.uploadBatch.findFirstOrThrow({ where: { requisitionId } });
    const url = `http://localhost/requisitions/${other.id}/uploads/${batch.id}/events`;
    const missing = await eventsRoute.loader!({
      request: new Request(url, { headers: { Cookie: cookie } }),
      params: { id: other.id, batchId: batch.id },
      context: {},
    }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ init: { status: 404 } });

    const anonymous = await eventsRoute.loader!({
      request: new Request(url),
      params: { id: other.id, batchId: batch.id },
      context: {},
    }).catch((error: unknown) => error);
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
