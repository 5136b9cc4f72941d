import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, importRequestSchema, readImportUpload } from "./read-upload";

function formRequest(form: FormData): Request {
  return new Request("http://localhost/api/import", { method: "POST", body: form });
}

const CHUNK_BYTES = 64 * 1024;

/** A body of a gigabyte, made on demand (nothing before the first read), counting what the reader pulls from it. */
function countingStream() {
  const chunk = new Uint8Array(CHUNK_BYTES).fill(0x61);
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 1024 ** 3) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

function streamRequest(body: ReadableStream<Uint8Array>, declaredLength: number | null, type = "multipart/form-data; boundary=x"): Request {
  const headers = new Headers({ "content-type": type });
  if (declaredLength !== null) headers.set("content-length", String(declaredLength));
  return new Request("http://localhost/api/import", { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** Request bodies built from FormData are streamed without a length; a browser sends one. */
async function withLength(request: Request): Promise<Request> {
  const body = new Uint8Array(await request.arrayBuffer());
  const headers = new Headers(request.headers);
  headers.set("content-length", String(body.byteLength));
  return new Request(request.url, { method: "POST", headers, body });
}

describe("readImportUpload", () => {
  it("reads the files as bytes and the mode, ignoring file inputs left empty", async () => {
    const form = new FormData();
    form.set("mode", "preview");
    form.set("assets", new File(["key,name\n"], "My assets.csv", { type: "text/csv" }));
    form.set("people", new File([], ""));
    form.set("assignments", "asset_key,concern_key,person_email,role,confirmed_at\n");
    const body = await readImportUpload(await withLength(formRequest(form)));
    const input = importRequestSchema.parse(body);
    expect(input.mode).toBe("preview");
    expect(Object.keys(input.files).sort()).toEqual(["assets", "assignments"]);
    expect(input.files.assets?.name).toBe("My assets.csv");
    expect(new TextDecoder().decode(input.files.assets?.bytes)).toBe("key,name\n");
    expect(input.files.assignments?.name).toBe("assignments.csv");
  });

  it("keeps bytes that are not UTF-8 as they are, for the import to name", async () => {
    const form = new FormData();
    form.set("mode", "apply");
    form.set("people", new File([new Uint8Array([0x61, 0xe9, 0x0a])], "people.csv"));
    const input = importRequestSchema.parse(await readImportUpload(await withLength(formRequest(form))));
    expect([...input.files.people!.bytes]).toEqual([0x61, 0xe9, 0x0a]);
  });

  it("refuses what is not multipart, and an upload declared too large before reading a byte of it", async () => {
    const json = new Request("http://localhost/api/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(readImportUpload(json)).rejects.toMatchObject({ code: "invalid" });

    const endless = countingStream();
    const error = await readImportUpload(streamRequest(endless.stream, MAX_UPLOAD_BYTES + 1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "too-large", message: "The upload is too large: each file may be at most 5 MB." });
    expect(endless.pulled()).toBe(0);
  });

  it.each([
    ["declares a small length but sends more", 1_000],
    ["declares no length", null],
  ])("cuts off an upload that %s at the limit, without reading the rest", async (_label, declared) => {
    const endless = countingStream();
    const error = await readImportUpload(streamRequest(endless.stream, declared)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "too-large" });
    expect(endless.pulled()).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(endless.pulled()).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 4 * CHUNK_BYTES);
    expect(endless.cancelled()).toBe(true);
  });

  it("reads an upload streamed without a length when it stays within the limit", async () => {
    const form = new FormData();
    form.set("mode", "preview");
    form.set("people", new File(["email,name,team,function,role,active\n"], "people.csv"));
    const request = formRequest(form);
    const input = importRequestSchema.parse(await readImportUpload(streamRequest(request.body!, null, request.headers.get("content-type")!)));
    expect(new TextDecoder().decode(input.files.people?.bytes)).toBe("email,name,team,function,role,active\n");
  });

  it("refuses a body that is not a form", async () => {
    const request = streamRequest(new Blob(["not a form"]).stream(), 10);
    await expect(readImportUpload(request)).rejects.toMatchObject({ code: "invalid", message: "The upload could not be read as a form." });
  });

  it("refuses a file name longer than a file system allows", () => {
    const file = (name: string) => ({ mode: "preview", files: { people: { name, bytes: new Uint8Array() } } });
    expect(importRequestSchema.safeParse(file(`${"n".repeat(251)}.csv`)).success).toBe(true);
    expect(importRequestSchema.safeParse(file(`${"n".repeat(252)}.csv`)).error?.issues[0]).toMatchObject({
      path: ["files", "people", "name"],
      message: "A file name may have at most 255 characters.",
    });
  });

  it("refuses a mode other than preview or apply", () => {
    const result = importRequestSchema.safeParse({ mode: "delete", files: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["mode"], message: "must be preview or apply" });
  });
});
