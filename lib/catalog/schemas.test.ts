import { describe, expect, it } from "vitest";
import { createAssetSchema, createConcernSchema, isHttpUrl, updateAssetSchema, updateConcernSchema } from "./schemas";

const VALID = { key: "new-crm", name: "New CRM", kindKey: "crm", criticality: "high", lifecycle: "active" };

describe("createAssetSchema", () => {
  it("accepts a minimal asset and turns empty optional text into null", () => {
    const parsed = createAssetSchema.parse({ ...VALID, url: "", vendor: "  ", description: "" });
    expect(parsed).toMatchObject({ key: "new-crm", url: null, vendor: null, description: null });
  });

  it("refuses bad keys, names, lifecycles and web addresses with a message per field", () => {
    const result = createAssetSchema.safeParse({ key: "-Bad Key", name: " ", kindKey: "crm", criticality: "huge", lifecycle: "retired", url: "javascript:alert(1)" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["key", "name", "criticality", "lifecycle", "url"]));
  });

  it("limits the lengths the issue sets", () => {
    expect(createAssetSchema.safeParse({ ...VALID, key: "a".repeat(63) }).success).toBe(true);
    expect(createAssetSchema.safeParse({ ...VALID, key: "a".repeat(64) }).success).toBe(false);
    expect(createAssetSchema.safeParse({ ...VALID, name: "n".repeat(201) }).success).toBe(false);
    expect(createAssetSchema.safeParse({ ...VALID, vendor: "v".repeat(201) }).success).toBe(false);
    expect(createAssetSchema.safeParse({ ...VALID, description: "d".repeat(2001) }).success).toBe(false);
    const urlOf = (length: number) => `https://a.example/${"p".repeat(length - "https://a.example/".length)}`;
    expect(createAssetSchema.safeParse({ ...VALID, url: urlOf(2048) }).success).toBe(true);
    expect(createAssetSchema.safeParse({ ...VALID, url: urlOf(2049) }).success).toBe(false);
    expect(createAssetSchema.safeParse({ ...VALID, kindKey: "k".repeat(64) }).success).toBe(false);
    expect(updateAssetSchema.safeParse({ ...VALID, updatedAt: `2026-11-25T10:00:00.${"0".repeat(40)}Z` }).success).toBe(false);
  });
});

describe("updateAssetSchema", () => {
  it("needs the version the form was loaded at and ignores a key", () => {
    const { key: _key, ...fields } = VALID;
    expect(updateAssetSchema.safeParse(fields).success).toBe(false);
    const parsed = updateAssetSchema.parse({ ...VALID, updatedAt: "2026-11-25T10:00:00.000Z" });
    expect(parsed).not.toHaveProperty("key");
  });
});

describe("concern schemas", () => {
  it("deduplicate and sort the kinds", () => {
    expect(createConcernSchema.parse({ key: "c", name: "C", home: "it", kindKeys: ["website", "cms", "website"] }).kindKeys).toEqual(["cms", "website"]);
  });

  it("leave absent fields absent on update, so they stay as they are", () => {
    const parsed = updateConcernSchema.parse({ kindKeys: [] });
    expect(parsed.name).toBeUndefined();
    expect(parsed.description).toBeUndefined();
    expect(updateConcernSchema.parse({ description: "" }).description).toBeNull();
  });
});

describe("isHttpUrl", () => {
  it("accepts http and https addresses only", () => {
    expect(isHttpUrl("https://www.northwind.example/path?q=1")).toBe(true);
    expect(isHttpUrl("http://localhost:3000")).toBe(true);
    expect(isHttpUrl("ftp://files.example")).toBe(false);
    expect(isHttpUrl("www.example.org")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
  });
});
