import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function PersonNotFound() {
  return (
    <NotFoundPanel title="No such person" back={{ href: "/people", label: "Back to People & teams" }}>
      This person does not exist.
    </NotFoundPanel>
  );
}
