import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * The hand-written migrations must produce exactly the database that schema.prisma describes:
 * every model's table, every field's column with its type and nullability, enums, keys and indexes.
 */

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isRequired: boolean;
  dbName?: string | null;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

async function loadDmmf(): Promise<Dmmf> {
  const schema = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
}

/** What information_schema reports for a Prisma scalar type (with its native type, where one is set). */
function expectedDataType(field: DmmfField): string {
  // A scalar list (String[]) is a PostgreSQL array; the element type is checked through udt_name.
  if (field.isList) return "ARRAY";
  if (field.kind === "enum") return "USER-DEFINED";
  const native = field.nativeType?.[0];
  if (field.type === "DateTime") return native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone";
  const types: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Float: "double precision",
    Decimal: "numeric",
    Json: "jsonb",
    Bytes: "bytea",
  };
  const type = types[field.type];
  if (!type) throw new Error(`No mapping for Prisma type ${field.type}`);
  return type;
}

/** The udt_name information_schema gives an array column of a Prisma scalar list. */
const LIST_ELEMENT_UDT: Record<string, string> = { String: "_text", Int: "_int4" };

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

describe("migrations match schema.prisma", () => {
  const db = useTestDatabase();

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("has a table for every model and no table without one", async () => {
    const { datamodel } = await loadDmmf();
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const expected = datamodel.models.map((model) => model.dbName ?? model.name);
    expect(tables.map((t) => t.table_name).sort()).toEqual([...expected, "_prisma_migrations"].sort());
  });

  it("has every field's column with the right type and nullability", async () => {
    const { datamodel } = await loadDmmf();
    const columns = await query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const expectedKeys = new Set<string>();
    for (const model of datamodel.models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const key = `${table}.${field.dbName ?? field.name}`;
        expectedKeys.add(key);
        const column = actual.get(key);
        expect(column, `column ${key}`).toBeDefined();
        expect({ key, type: column?.data_type, nullable: column?.is_nullable }).toEqual({
          key,
          type: expectedDataType(field),
          nullable: field.isRequired ? "NO" : "YES",
        });
        if (field.kind === "enum") expect(column?.udt_name, key).toBe(field.isList ? `_${field.type}` : field.type);
        if (field.isList && field.kind === "scalar") expect(column?.udt_name, key).toBe(LIST_ELEMENT_UDT[field.type]);
      }
    }
    const extra = [...actual.keys()].filter((key) => !key.startsWith("_prisma_migrations.") && !expectedKeys.has(key));
    expect(extra, "columns the schema does not declare").toEqual([]);
  });

  it("has every enum with exactly its values, in order", async () => {
    const { datamodel } = await loadDmmf();
    const rows = await query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(
      datamodel.enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  it("has every relation as a foreign key with its delete rule", async () => {
    const { datamodel } = await loadDmmf();
    const rows = await query<{ table_name: string; columns: string[]; foreign_table: string; delete_rule: string }>(
      `SELECT src.relname AS table_name,
              array_agg(a.attname::text ORDER BY k.ord) AS columns,
              dst.relname AS foreign_table,
              CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS delete_rule
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'f'
       GROUP BY c.oid, src.relname, dst.relname, c.confdeltype`,
    );
    const actual = rows.map((r) => `${r.table_name}(${r.columns.join(",")}) -> ${r.foreign_table} ON DELETE ${r.delete_rule}`);
    const expected = datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => {
          const target = datamodel.models.find((m) => m.name === f.type)!;
          const rule = ON_DELETE[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")];
          return `${model.dbName ?? model.name}(${f.relationFromFields!.join(",")}) -> ${target.dbName ?? target.name} ON DELETE ${rule}`;
        }),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("has every primary key, unique key and index the schema declares", async () => {
    const { datamodel } = await loadDmmf();
    const rows = await query<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean; is_partial: boolean }>(
      `SELECT t.relname AS table_name,
              array_agg(a.attname::text ORDER BY k.ord) AS columns,
              i.indisunique AS is_unique, i.indisprimary AS is_primary, i.indpred IS NOT NULL AS is_partial
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       GROUP BY i.indexrelid, t.relname, i.indisunique, i.indisprimary, i.indpred`,
    );
    const describeIndex = (table: string, kind: string, columns: string[]) => `${table} ${kind} (${columns.join(",")})`;
    const actual = new Set(
      rows
        .filter((r) => r.table_name !== "_prisma_migrations" && !r.is_partial)
        .map((r) => describeIndex(r.table_name, r.is_primary ? "id" : r.is_unique ? "unique" : "normal", r.columns)),
    );
    const expected = datamodel.indexes.map((index) => {
      const model = datamodel.models.find((m) => m.name === index.model)!;
      const columns = index.fields.map((f) => model.fields.find((mf) => mf.name === f.name)?.dbName ?? f.name);
      return describeIndex(model.dbName ?? model.name, index.type, columns);
    });
    expect([...actual].sort()).toEqual(expected.sort());
  });
});
