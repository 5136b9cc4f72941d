import { describe, expect, it } from "vitest";
import { createServiceTokenSchema } from "./schemas";

describe("createServiceTokenSchema", () => {
  it("makes an ordinary service token unless SCIM is asked for, and a SCIM token only with the admin role", () => {
    expect(createServiceTokenSchema.parse({ name: "BI", role: "viewer" })).toMatchObject({ scim: false, teamId: null });
    expect(createServiceTokenSchema.parse({ name: "Okta", role: "admin", scim: true })).toMatchObject({ scim: true });
    const refused = createServiceTokenSchema.safeParse({ name: "Okta", role: "viewer", scim: true });
    expect(refused.error?.issues).toEqual([expect.objectContaining({ path: ["role"], message: expect.stringContaining("admin role") })]);
  });
});
