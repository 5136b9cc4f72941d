import type { Metadata } from "next";
import Link from "next/link";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/concern-queries";
import { ApplicabilityGrid } from "./_components/applicability-grid";
import { ConcernRows } from "./_components/concern-rows";
import { NewConcernForm } from "./_components/new-concern-form";
import { NewKindForm } from "./_components/new-kind-form";
import styles from "./catalog.module.css";

export const metadata: Metadata = { title: "Concerns & kinds" };

export default async function CatalogPage() {
  const [user, catalog] = await Promise.all([requireUser(), getCatalog()]);
  const canEdit = canEditCatalog(user);
  const cellsInScope = catalog.concerns.reduce((sum, concern) => sum + concern.coverage.inScope, 0);
  return (
    <>
      <header className="page-header">
        <h1>Concerns & kinds</h1>
        <p className="page-lede">
          What has to be owned for each kind of asset. Every tick makes one cell per asset of that kind: {cellsInScope} cells are in
          scope today.
        </p>
      </header>

      <section className="panel" aria-labelledby="grid-heading">
        <h2 id="grid-heading">Where each concern applies</h2>
        <p className={`muted ${styles.legend}`}>
          {canEdit
            ? "Ticking or clearing a box saves at once. A cleared box takes its cells out of every figure; their owners stay in history and come back if you tick it again. \"Every kind\" makes a concern apply to every kind, those added later too."
            : "Only admins change where concerns apply."}
        </p>
        <ApplicabilityGrid concerns={catalog.concerns} kinds={catalog.kinds} canEdit={canEdit} />
      </section>

      <section className="panel" aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">Concerns</h2>
        <ConcernRows concerns={catalog.concerns} canEdit={canEdit} />
      </section>

      <section className="panel" aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">Asset kinds</h2>
        <div className="table-wrap">
          <table className="data-table" data-testid="kind-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Label</th>
                <th scope="col" className="numeric">
                  Assets in scope
                </th>
              </tr>
            </thead>
            <tbody>
              {catalog.kinds.map((kind) => (
                <tr key={kind.key}>
                  <td className={styles.key}>{kind.key}</td>
                  <td>{kind.label}</td>
                  <td className="numeric">
                    {kind.assetsInScope > 0 ? <Link href={{ pathname: "/assets", query: { kind: kind.key } }}>{kind.assetsInScope}</Link> : 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {canEdit ? (
        <div className={styles.addGrid}>
          <section className="panel" aria-labelledby="new-concern-heading">
            <h2 id="new-concern-heading">Add a concern</h2>
            <NewConcernForm />
          </section>
          <section className="panel" aria-labelledby="new-kind-heading">
            <h2 id="new-kind-heading">Add an asset kind</h2>
            <NewKindForm />
          </section>
        </div>
      ) : null}
    </>
  );
}
