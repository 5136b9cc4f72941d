import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { writeTestEvent } from "@/lib/webhooks/endpoints";
import { deliverTestEvent } from "@/lib/webhooks/queries";
import { endpointActionSchema, requireEndpointId } from "@/lib/webhooks/schemas";

/** Writes a `webhook.test` event for the endpoint, then delivers it once committed and answers what happened. */
export const POST = writeRoute({
  schema: endpointActionSchema,
  policy: settingsManagers,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => writeTestEvent(tx, requireEndpointId(params.id), audit),
  afterCommit: async ({ webhookEventId }) => ({ outcome: await deliverTestEvent(webhookEventId) }),
});
