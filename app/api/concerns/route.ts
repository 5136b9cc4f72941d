import { writeRoute } from "@/lib/api/write-route";
import { createConcern } from "@/lib/catalog/concern-actions";
import { createConcernSchema } from "@/lib/catalog/schemas";

/** Adds a concern to the catalog (admins only). */
export const POST = writeRoute(createConcernSchema, ({ tx, user, input }) => createConcern(tx, user, input));
