import { redirect } from "next/navigation";

/** Teams are listed on the People & teams screen; this address leads there. */
export default function TeamsPage() {
  redirect("/people");
}
