import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isWebUrl } from "@/lib/notifications/chat";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

/** What Settings -> Webhooks sends: an endpoint's address, what it is for and the events it subscribes to. */

const endpointFields = {
  url: z.string().trim().min(1, { error: "Enter the endpoint's URL.", abort: true }).max(2000, "At most 2,000 characters.").refine(isWebUrl, "Give an http:// or https:// address."),
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Not an event Tandem sends." }))
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENT_TYPES.length)
    // In the list's own order, once each: the screen shows two endpoints' subscriptions alike.
    .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type))),
};

export const createEndpointSchema = z.object(endpointFields);
export type CreateEndpointInput = z.output<typeof createEndpointSchema>;

export const updateEndpointSchema = z.object({ ...endpointFields, enabled: z.boolean() });
export type UpdateEndpointInput = z.output<typeof updateEndpointSchema>;

/** Deleting, rolling the secret and sending a test read nothing but the endpoint's id in the path. */
export const endpointActionSchema = z.object({}).strict();

export function requireEndpointId(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new AppError("not-found", "This webhook endpoint does not exist.");
  return Number(value);
}
