import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** No Docker engine runs where the tests do, so the compose file's shape is checked here instead. */
describe("docker-compose.yml", () => {
  it("runs PostgreSQL and the app with health checks, the app waiting for a healthy database", async () => {
    const compose = parse(await readFile("docker-compose.yml", "utf8"));
    expect(Object.keys(compose.services).sort()).toEqual(["app", "postgres"]);
    expect(compose.services.postgres.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(compose.services.app.build).toBe(".");
    expect(compose.services.app.healthcheck.test.join(" ")).toContain("/api/health");
    expect(compose.services.app.depends_on.postgres.condition).toBe("service_healthy");
    expect(compose.services.app.environment.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\/tandem$/);
    expect(compose.services.app.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    // Seeds nothing unless asked; links in mail and the set-up link carry the address people open.
    expect(compose.services.app.environment.TANDEM_DEMO).toBe("${TANDEM_DEMO:-false}");
    expect(compose.services.app.environment.AUTH_URL).toMatch(/^\$\{AUTH_URL:-http:\/\/localhost:/);
  });
});

describe("Dockerfile", () => {
  it("builds in stages and starts through the script that applies migrations", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^CMD .*scripts\/start\.ts/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it("leaves the code owned by root, readable and not writable by the app's user", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(runtime).toMatch(/^COPY --from=build \/app \.\/$/m);
    expect(runtime).not.toMatch(/--chown/);
    // What the app writes, and nothing else, belongs to it.
    expect(runtime).toMatch(/chown node:node \.next\/cache backups/);
    expect(runtime.indexOf("USER node")).toBeGreaterThan(runtime.indexOf("chown node:node"));
  });
});
