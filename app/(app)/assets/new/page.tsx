import type { Metadata } from "next";
import { Forbidden } from "@/components/ui/forbidden";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listAssetFilterOptions } from "@/lib/catalog/asset-queries";
import { AssetForm } from "../_components/asset-form";

export const metadata: Metadata = { title: "New asset" };

export default async function NewAssetPage() {
  const user = await requireUser();
  if (!canEditCatalog(user)) return <Forbidden what="Only admins add assets." />;
  const { kinds } = await listAssetFilterOptions();
  return (
    <>
      <header className="page-header">
        <h1>New asset</h1>
        <p className="page-lede">Its cells appear at once: one per concern that applies to its kind.</p>
      </header>
      <section className="panel">
        <AssetForm
          mode="create"
          kinds={kinds}
          initial={{ key: "", name: "", kindKey: "", criticality: "medium", lifecycle: "active", url: "", vendor: "", description: "", updatedAt: "" }}
        />
      </section>
    </>
  );
}
