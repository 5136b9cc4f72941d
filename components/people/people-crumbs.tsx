import type { Route } from "next";
import Link from "next/link";
import styles from "./people.module.css";

/** Above a person's or a team's pages: the way back to People & teams, and to the person or team when deeper. */
export function PeopleCrumbs({ through }: { through?: { href: Route; label: string } }) {
  return (
    <p className={styles.crumbs}>
      <Link href="/people">People & teams</Link>
      {through ? (
        <>
          {" "}
          / <Link href={through.href}>{through.label}</Link>
        </>
      ) : null}
    </p>
  );
}
