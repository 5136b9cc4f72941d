import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { rollWebhookSecret } from "@/lib/webhooks/endpoints";
import { endpointActionSchema, requireEndpointId } from "@/lib/webhooks/schemas";

/** Rolls the endpoint's signing secret; the answer carries the new one, the only time it is shown. */
export const POST = writeRoute({
  schema: endpointActionSchema,
  policy: settingsManagers,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => rollWebhookSecret(tx, requireEndpointId(params.id), audit),
});
