import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ReviewNotFound() {
  return (
    <NotFoundPanel title="No such review" back={{ href: "/review/history", label: "See every team's reviews" }}>
      This review does not exist.
    </NotFoundPanel>
  );
}
