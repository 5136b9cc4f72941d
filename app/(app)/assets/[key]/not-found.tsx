import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function AssetNotFound() {
  return (
    <NotFoundPanel title="No such asset" back={{ href: "/assets", label: "Back to the assets" }}>
      No asset has this key. It may have been mistyped.
    </NotFoundPanel>
  );
}
