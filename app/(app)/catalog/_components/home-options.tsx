import { CONCERN_HOMES } from "@/lib/catalog/constants";
import { HOME_LABEL } from "@/lib/catalog/format";

export function HomeOptions() {
  return CONCERN_HOMES.map((home) => (
    <option key={home} value={home}>
      {HOME_LABEL[home]}
    </option>
  ));
}
