import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function TeamNotFound() {
  return (
    <NotFoundPanel title="No such team" back={{ href: "/people", label: "Back to People & teams" }}>
      This team does not exist.
    </NotFoundPanel>
  );
}
