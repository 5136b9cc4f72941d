import { DEFAULT_ASSET_KINDS, DEFAULT_CONCERNS } from "@/lib/catalog/default-catalog";
import type { BenchCatalog } from "./organisation-types";

/** The default catalog with made-up ids, as the loader would read it from a fresh database. */
export const TEST_CATALOG: BenchCatalog = {
  kinds: DEFAULT_ASSET_KINDS.map((kind, index) => ({ id: index + 1, key: kind.key })),
  concerns: DEFAULT_CONCERNS.map((concern, index) => ({
    id: index + 1,
    key: concern.key,
    home: concern.home,
    kindKeys: concern.appliesTo,
  })),
};
