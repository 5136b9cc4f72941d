import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/import/route";
import type { CurrentUser } from "@/lib/auth/session";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/tools/testing/test-database";
import { COLUMNS, MAX_DATA_ROWS, MAX_FILE_BYTES, type ImportFile, type ImportIssue } from "./formats";
import type { ImportPlan } from "./plan-types";
import { MAX_UPLOAD_BYTES } from "./read-upload";
import { runImport } from "./run-import";
import { allFixtures, countRows } from "@/tools/testing/import-files";

/** `POST /api/import` as Next.js runs it, signed in as the admin of the fixtures, on this file's database. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

type Upload = Partial<Record<ImportFile, string | Uint8Array>>;

const encode = (text: string) => new TextEncoder().encode(text);
const csv = (file: ImportFile, ...rows: string[]) => [COLUMNS[file].join(","), ...rows].join("\n") + "\n";

/** Sent as a browser sends a form: multipart, with its length. */
async function upload(files: Upload, mode: "preview" | "apply" = "apply"): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.set("mode", mode);
  for (const [file, content] of Object.entries(files)) {
    form.set(file, new File([typeof content === "string" ? encode(content) : new Uint8Array(content)], `${file}.csv`, { type: "text/csv" }));
  }
  const encoded = new Request("http://localhost/api/import", { method: "POST", body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const request = new Request("http://localhost/api/import", {
    method: "POST",
    headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.byteLength) },
    body: bytes,
  });
  const response = await POST(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const errorsOf = (body: Record<string, unknown>): ImportIssue[] => (body.current as ImportPlan).files.flatMap((file) => file.errors);

/** Valid rows that a partial import would write: each malformed upload carries some. */
const NEW_ASSET = "new-asset,New asset,crm,high,active,,";
const NEW_PERSON = "new.person@example.org,New Person,Web Platform,it,none,true";

describe("POST /api/import with malformed files: a clear error, and nothing written", () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await ensureDefaultCatalog(db.prisma);
    await db.prisma.$transaction((tx) => runImport(tx, null, allFixtures(), "apply"));
    const admin = await db.prisma.person.findUniqueOrThrow({ where: { email: "ada.admin@example.org" }, include: { team: true } });
    session.prisma = db.prisma;
    session.user = {
      id: admin.id,
      email: admin.email,
      name: admin.name,
      role: "admin",
      teamId: admin.teamId,
      teamName: admin.team?.name ?? null,
      teamFunction: admin.team?.function ?? null,
    };
  });

  const FORMULA = (first: string) =>
    `starts with ${first}, so a spreadsheet would run it as a formula: to import it as text, put a single quote before it ('${first}...)`;

  it.each<[string, Upload, ImportIssue[]]>([
    [
      "a file that is not UTF-8",
      { people: new Uint8Array([...encode(`${csv("people", NEW_PERSON)}cafe@example.org,Caf`), 0xe9, ...encode(",,,none,true\n")]), assets: csv("assets", NEW_ASSET) },
      [{ file: "people.csv", line: 3, column: null, message: 'is not valid UTF-8 text: save it as "CSV UTF-8" from your spreadsheet' }],
    ],
    [
      "a file saved as UTF-16",
      { people: new Uint8Array([0xff, 0xfe, ...[...csv("people", NEW_PERSON)].flatMap((char) => [char.charCodeAt(0), 0])]) },
      [{ file: "people.csv", line: 1, column: null, message: 'is not valid UTF-8 text: save it as "CSV UTF-8" from your spreadsheet' }],
    ],
    [
      "a missing and an unknown column",
      { assets: `key,name,kind,criticality,lifecycle,url,supplier\n${NEW_ASSET}\n` },
      [
        { file: "assets.csv", line: 1, column: "supplier", message: "unknown column; the columns are key, name, kind, criticality, lifecycle, url, vendor" },
        { file: "assets.csv", line: 1, column: "vendor", message: "missing column; the columns are key, name, kind, criticality, lifecycle, url, vendor" },
      ],
    ],
    [
      "rows with more and fewer values than columns",
      { assets: csv("assets", NEW_ASSET, "extra,Extra,crm,low,active,,,surplus", "short,Short,crm") },
      [
        { file: "assets.csv", line: 3, column: null, message: "has 8 values but the header has 7 columns" },
        { file: "assets.csv", line: 4, column: null, message: "has 3 values but the header has 7 columns" },
      ],
    ],
    [
      "a quoted value that is never closed",
      { assets: csv("assets", NEW_ASSET, 'broken,"Broken,crm,low,active,,', "after,After,crm,low,active,,") },
      [{ file: "assets.csv", line: 3, column: null, message: 'a quoted value starts here and is never closed (a missing ")' }],
    ],
    [
      "a stray quote inside a value",
      { assets: csv("assets", NEW_ASSET, 'stray,The "best" CRM,crm,low,active,,') },
      [{ file: "assets.csv", line: 3, column: null, message: expect.stringContaining("quote the whole value") }],
    ],
    [
      "a formula in a cell",
      { assets: csv("assets", NEW_ASSET, 'evil,"=HYPERLINK(""http://x.example"",""open"")",crm,low,active,,'), people: csv("people", NEW_PERSON, "x@example.org,@import,,,none,true") },
      [
        { file: "people.csv", line: 3, column: "name", message: FORMULA("@") },
        { file: "assets.csv", line: 3, column: "name", message: FORMULA("=") },
      ],
    ],
  ])("%s", async (_label, files, expected) => {
    const before = await countRows(db.prisma);
    const { status, body } = await upload(files);
    expect(status).toBe(422);
    expect(body).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/^The files have (an error|\d+ errors); nothing was imported\.$/) });
    expect(errorsOf(body)).toEqual(expected);
    expect(await countRows(db.prisma)).toEqual(before);
    expect(await db.prisma.asset.findUnique({ where: { key: "new-asset" } })).toBeNull();
  });

  it("refuses 100,000 rows as too many, naming the limit", async () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `corporate-site,content,p${index}@example.org,C,`);
    const file = csv("assignments", ...rows);
    expect(encode(file).byteLength).toBeLessThan(MAX_FILE_BYTES);
    const before = await countRows(db.prisma);
    const { status, body } = await upload({ assets: csv("assets", NEW_ASSET), assignments: file });
    expect(status).toBe(422);
    expect(errorsOf(body)).toEqual([
      { file: "assignments.csv", line: null, column: null, message: `has 100,000 data rows; at most ${MAX_DATA_ROWS.toLocaleString("en")} per file are accepted` },
    ]);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("refuses a file over the size limit", async () => {
    const line = "corporate-site,content,someone.with.a.long.address@example.org,C,\n";
    const file = csv("assignments") + line.repeat(Math.ceil(MAX_FILE_BYTES / line.length));
    const before = await countRows(db.prisma);
    const { status, body } = await upload({ assets: csv("assets", NEW_ASSET), assignments: file });
    expect(status).toBe(422);
    expect(errorsOf(body)).toEqual([{ file: "assignments.csv", line: null, column: null, message: "is larger than 5 MB, the limit per file" }]);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("refuses an upload over the total limit with 413, before reading it", async () => {
    const big = "x".repeat(MAX_FILE_BYTES);
    const before = await countRows(db.prisma);
    const { status, body } = await upload({ people: big, assets: big, assignments: `${big}${"x".repeat(MAX_UPLOAD_BYTES - 3 * MAX_FILE_BYTES)}` });
    expect(status).toBe(413);
    expect(body).toMatchObject({ ok: false, code: "too-large", error: "The upload is too large: each file may be at most 5 MB." });
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("writes the same files once they are fixed, so the refusals above were the files' doing", async () => {
    const before = await countRows(db.prisma);
    const { status, body } = await upload({ assets: csv("assets", NEW_ASSET, "quoted,'=Quoted formula,crm,low,active,,") });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { applied: true } });
    expect((await countRows(db.prisma)).assets).toBe(before.assets + 2);
    expect(await db.prisma.asset.findUniqueOrThrow({ where: { key: "quoted" } })).toMatchObject({ name: "=Quoted formula" });
  });
});
