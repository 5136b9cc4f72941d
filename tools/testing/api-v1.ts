import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/public-api/openapi";

/**
 * Calls /api/v1 in tests as a client would, through the route handlers as Next.js runs them, and checks every
 * answer against the OpenAPI document (issue 17, item 3): the status must be one the document lists for the
 * operation, and a JSON body must validate against that status's schema. What was exercised is kept, so a
 * test can require that every operation of the document answered successfully at least once.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_FOLDER = path.join(ROOT, "app/api/v1");

interface RouteFile {
  /** `/assets/{key}`: the OpenAPI path. */
  template: string;
  pattern: RegExp;
  names: string[];
  file: string;
}

/** Every route file of /api/v1 with the OpenAPI path it serves. */
export function listApiRoutes(): RouteFile[] {
  const files = readdirSync(API_FOLDER, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  return files.map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
    const names = segments.flatMap((segment) => /^\[(\w+)\]$/.exec(segment)?.[1] ?? []);
    const template = `/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
    const pattern = new RegExp(`^/${segments.map((segment) => (/^\[\w+\]$/.test(segment) ? "([^/]+)" : segment.replace(/\./g, "\\."))).join("/")}$`);
    return { template, pattern, names, file: path.join(API_FOLDER, file) };
  });
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument(), "openapi");

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export interface ApiCall {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The JSON body, or the text of any other. Already checked against the document, so tests read it as it says. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function createApiClient() {
  const routes = listApiRoutes();
  const exercised = new Set<string>();

  async function call(method: string, url: string, options: ApiCall = {}): Promise<ApiAnswer> {
    // `url` is what follows /api/v1: `/assets?limit=2`.
    const pathname = new URL(url, "http://localhost").pathname;
    const route = routes.find((candidate) => candidate.pattern.test(pathname));
    if (!route) throw new Error(`No /api/v1 route serves ${pathname}.`);
    const values = route.pattern.exec(pathname)!.slice(1).map(decodeURIComponent);
    const params = Object.fromEntries(route.names.map((name, index) => [name, values[index]!]));
    const handler = (await import(/* @vite-ignore */ route.file))[method] as Handler | undefined;
    if (!handler) throw new Error(`${route.template} has no ${method}.`);
    const headers = new Headers(options.headers);
    if (options.token) headers.set("authorization", `Bearer ${options.token}`);
    if (options.body !== undefined) headers.set("content-type", "application/json");
    const request = new Request(`http://localhost/api/v1${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const response = await handler(request, { params: Promise.resolve(params) });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.startsWith("application/json") ?? false;
    const answer = { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
    checkAgainstDocument(route.template, method.toLowerCase(), answer, isJson);
    if (answer.status < 300) exercised.add(`${method} ${route.template}`);
    return answer;
  }

  return { call, exercised };
}

function checkAgainstDocument(template: string, method: string, answer: ApiAnswer, isJson: boolean): void {
  const operation = openApiDocument().paths?.[template]?.[method as "get"];
  if (!operation) throw new Error(`The OpenAPI document has no ${method.toUpperCase()} ${template}.`);
  const listed = operation.responses?.[String(answer.status)];
  if (!listed) throw new Error(`${method.toUpperCase()} ${template} answered ${answer.status}, which the document does not list: ${JSON.stringify(answer.body)}`);
  if (!isJson) return;
  const validate = ajv.getSchema(`openapi#/${pointer("paths", template, method, "responses", String(answer.status), "content", "application/json", "schema")}`);
  if (!validate) throw new Error(`${method.toUpperCase()} ${template} ${answer.status} answered JSON, which the document does not describe.`);
  if (!validate(answer.body)) {
    throw new Error(`${method.toUpperCase()} ${template} ${answer.status} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 500)}`);
  }
}
