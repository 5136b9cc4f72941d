import { describe, expect, it } from "vitest";
import { readEnvironment } from "./environment";

describe("readEnvironment", () => {
  it("gives the defaults when nothing is set, and counts an empty variable as unset", () => {
    expect(readEnvironment({ DATABASE_URL: "", TANDEM_DEMO: " " })).toEqual({
      PORT: 3000,
      TANDEM_DATA_DIR: ".data",
      TANDEM_EPHEMERAL: false,
      TANDEM_SKIP_BUILD: false,
      TANDEM_TRUSTED_PROXIES: 0,
      TANDEM_WEBHOOKS_ALLOW_PRIVATE: false,
      TANDEM_WORKER: true,
      TANDEM_API_RATE_LIMIT: 600,
    });
  });

  it("reads numbers and flags, and keeps an empty TANDEM_SERVER_NODE_FLAGS (no flags)", () => {
    expect(readEnvironment({ PORT: "3100", TANDEM_DEMO: "false", TANDEM_SKIP_BUILD: "true", TANDEM_SERVER_NODE_FLAGS: "" })).toMatchObject({
      PORT: 3100,
      TANDEM_DEMO: false,
      TANDEM_SKIP_BUILD: true,
      TANDEM_SERVER_NODE_FLAGS: "",
    });
  });

  it("names every wrong variable with its value", () => {
    expect(() => readEnvironment({ PORT: "eighty", TANDEM_DEMO: "yes" })).toThrow('PORT must be a port number, not "eighty". TANDEM_DEMO must be true or false, not "yes".');
    expect(() => readEnvironment({ PORT: "70000" })).toThrow(/^PORT must be a port number/);
    expect(() => readEnvironment({ AUTH_URL: "tandem.example.com" })).toThrow(/^AUTH_URL must be Tandem's public address/);
    expect(() => readEnvironment({ TANDEM_TRUSTED_PROXIES: "all" })).toThrow(/^TANDEM_TRUSTED_PROXIES must be the number of proxies/);
    expect(() => readEnvironment({ TANDEM_TRUSTED_PROXIES: "-1" })).toThrow(/^TANDEM_TRUSTED_PROXIES must be the number of proxies/);
    expect(readEnvironment({ TANDEM_TRUSTED_PROXIES: "2" }).TANDEM_TRUSTED_PROXIES).toBe(2);
    expect(() => readEnvironment({ AUTH_OIDC_ALLOWED_DOMAINS: "example.org; @evil" })).toThrow(/^AUTH_OIDC_ALLOWED_DOMAINS must be email domains/);
    expect(readEnvironment({ AUTH_OIDC_ALLOWED_DOMAINS: "example.org, northwind.example", AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL: "true" })).toMatchObject({
      AUTH_OIDC_ALLOWED_DOMAINS: "example.org, northwind.example",
      AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL: true,
    });
    expect(() => readEnvironment({ TANDEM_WEBHOOKS_ALLOW_PRIVATE: "yes" })).toThrow('TANDEM_WEBHOOKS_ALLOW_PRIVATE must be true or false, not "yes".');
    expect(() => readEnvironment({ NODE_ENV: "staging" })).toThrow(/^NODE_ENV must be development, production or test/);
  });

  it("never repeats the value of a variable that may hold a password", () => {
    expect(() => readEnvironment({ DATABASE_URL: "mysql://root:hunter2@db/tandem" })).toThrow(/^DATABASE_URL must be a PostgreSQL connection string \(.+\)\.$/);
    expect(() => readEnvironment({ DATABASE_URL: "mysql://root:hunter2@db/tandem" })).not.toThrow(/hunter2/);
    expect(() => readEnvironment({ SMTP_URL: "http://mailer:hunter2@mail.example.org" })).toThrow(/^SMTP_URL must be an SMTP server's address \(.+\)\.$/);
    expect(() => readEnvironment({ SMTP_URL: "http://mailer:hunter2@mail.example.org" })).not.toThrow(/hunter2/);
  });

  it("reads the mail settings", () => {
    expect(readEnvironment({ SMTP_URL: "smtps://tandem:secret@mail.example.org:465", MAIL_FROM: "Tandem <tandem@example.org>" })).toMatchObject({
      SMTP_URL: "smtps://tandem:secret@mail.example.org:465",
      MAIL_FROM: "Tandem <tandem@example.org>",
    });
    expect(readEnvironment({ MAIL_FROM: "tandem@example.org", TANDEM_MAILBOX: "true" })).toMatchObject({ MAIL_FROM: "tandem@example.org", TANDEM_MAILBOX: true });
    expect(() => readEnvironment({ MAIL_FROM: "Tandem" })).toThrow(/^MAIL_FROM must be an email address/);
  });
});
