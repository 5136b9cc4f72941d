import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/ui/forbidden";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getAssetFormValues, listAssetFilterOptions } from "@/lib/catalog/asset-queries";
import { AssetForm } from "../../_components/asset-form";

export const metadata: Metadata = { title: "Edit asset" };

export default async function EditAssetPage({ params }: { params: Promise<{ key: string }> }) {
  const [user, { key }] = await Promise.all([requireUser(), params]);
  if (!canEditCatalog(user)) return <Forbidden what="Only admins edit assets." />;
  const [values, { kinds }] = await Promise.all([getAssetFormValues(key), listAssetFilterOptions()]);
  if (!values) notFound();
  return (
    <>
      <header className="page-header">
        <h1>Edit {values.name}</h1>
      </header>
      <section className="panel">
        <AssetForm mode="edit" kinds={kinds} initial={values} />
      </section>
    </>
  );
}
