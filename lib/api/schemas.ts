import { z } from "zod";

/** The inputs of routes and actions that read nothing from the request but its path. */

/** A read without query parameters: any it is given are ignored, as a browser's cache-busters would be. */
export const emptyQuerySchema = z.object({});

/** A server action behind a form without fields, such as "Sign out": what the form posts is not read. */
export const emptyFormSchema = z.instanceof(FormData);
