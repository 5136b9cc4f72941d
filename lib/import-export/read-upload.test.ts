import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, importRequestSchema, readImportUpload } from "./read-upload";

function formRequest(form: FormData): Request {
  return new Request("http://localhost/api/import", { method: "POST", body: form });
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

  it("refuses what is not multipart, and oversized or unmeasured uploads before reading them", async () => {
    const json = new Request("http://localhost/api/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(readImportUpload(json)).rejects.toMatchObject({ code: "invalid" });

    const huge = new Request("http://localhost/api/import", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_BYTES + 1) },
      body: "--x--",
    });
    const error = await readImportUpload(huge).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "too-large", message: expect.stringContaining("each file may be at most 5 MB") });

    const unmeasured = new Request("http://localhost/api/import", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x--",
    });
    await expect(readImportUpload(unmeasured)).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuses a mode other than preview or apply", () => {
    const result = importRequestSchema.safeParse({ mode: "delete", files: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["mode"], message: "must be preview or apply" });
  });
});
