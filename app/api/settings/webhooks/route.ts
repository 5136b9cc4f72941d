import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createEndpointSchema } from "@/lib/webhooks/schemas";

/** Registers a webhook endpoint; the answer carries its signing secret, the only time it is shown. */
export const POST = writeRoute({
  schema: createEndpointSchema,
  policy: settingsManagers,
  handle: ({ tx, input, audit }) => createWebhookEndpoint(tx, input, audit),
});
