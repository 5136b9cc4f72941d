import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations are applied by lib/db/migrate.ts,
// because the schema engine that `prisma migrate` needs is a download this project cannot rely on.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
