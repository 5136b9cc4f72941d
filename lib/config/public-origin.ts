import { readEnvironment, type Environment } from "./environment";

/**
 * The origin people reach Tandem at, for links that leave the app (mail, printed set-up links): `AUTH_URL`
 * when set, as production behind a proxy must; otherwise the local server on `PORT`. Never the request's
 * Host header, which a client chooses.
 */
export function publicOrigin(environment: Environment = readEnvironment()): string {
  return environment.AUTH_URL ? new URL(environment.AUTH_URL).origin : `http://localhost:${environment.PORT}`;
}

/** An absolute link to a path of the app. */
export function publicLink(path: string, environment?: Environment): string {
  return new URL(path, publicOrigin(environment)).toString();
}
