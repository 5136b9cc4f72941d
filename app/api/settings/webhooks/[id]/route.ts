import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { endpointActionSchema, requireEndpointId, updateEndpointSchema, type UpdateEndpointInput } from "@/lib/webhooks/schemas";

export const PATCH = writeRoute({
  schema: updateEndpointSchema,
  policy: settingsManagers,
  handle: ({ tx, input, params, audit }: WriteContext<UpdateEndpointInput, { id: string }>) => updateWebhookEndpoint(tx, requireEndpointId(params.id), input, audit),
});

export const DELETE = writeRoute({
  schema: endpointActionSchema,
  policy: settingsManagers,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => deleteWebhookEndpoint(tx, requireEndpointId(params.id), audit),
});
