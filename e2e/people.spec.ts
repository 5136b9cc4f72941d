import { asUser, expect, test } from "./fixtures";

/** A suffix that keeps this spec's people apart from every other run and worker on the shared demo database. */
const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

test.describe("People & teams as the admin", () => {
  asUser("admin");

  test("adds a person with a team and role none, finds them by search and marks them as left", async ({
    page,
  }) => {
    const suffix = uniqueSuffix();
    const email = `e2e.${suffix}@example.org`;
    const name = `Erin Test ${suffix}`;

    await page.goto("/people");
    await page.getByRole("link", { name: "New person" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New person" })).toBeVisible();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Team").selectOption({ label: "Web Platform" });
    await page.getByLabel("Role").selectOption("none");
    await expect(page.getByLabel(/Initial password/)).toHaveCount(0);
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByTestId("person-role")).toContainText("None");

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Edit ${name}`);
    await expect(page.getByText("People with role none never sign in")).toBeVisible();
    await page.getByLabel("Team").selectOption({ label: "Data Engineering" });
    await page.screenshot({ path: "e2e/screenshots/person-edit.png", fullPage: true });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByTestId("audit-history")).toContainText("team: Web Platform → Data Engineering");

    await page.goto("/people");
    await page.getByLabel("Name or email").fill(suffix);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${suffix}`));
    const row = page.getByTestId("people-table").getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Data Engineering");
    await expect(row).toContainText("Active");
    await row.getByRole("link", { name }).click();

    await page.getByRole("button", { name: "Deactivate…" }).click();
    await page.getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Left on");
    await expect(page.getByTestId("left-notice")).toContainText("can no longer sign in");
    await expect(page.getByTestId("audit-history")).toContainText("marked this person as left");

    await page.goto(`/people?q=${suffix}&status=left`);
    await expect(page.getByTestId("people-table").getByRole("row").filter({ hasText: email })).toContainText(
      "Left on",
    );
  });

  test("keeps the values and names the field when the email is taken", async ({ page }) => {
    await page.goto("/people/new");
    await page.getByLabel("Email", { exact: true }).fill("Felix.Braun@example.org");
    await page.getByLabel("Name", { exact: true }).fill("Another Felix");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.locator("#email-error")).toHaveText("Felix Braun already has this email.");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Another Felix");
    await page.screenshot({ path: "e2e/screenshots/person-form-error.png", fullPage: true });
  });

  test("shows the overview, an overloaded person, a person who left and a team", async ({ page }) => {
    await page.goto("/people");
    await expect(page.getByTestId("teams-overview")).toBeVisible();
    // Other specs may add teams: at least the six of the demo.
    expect(await page.getByTestId("team-card").count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByTestId("teams-overview")).toContainText("Security & Infrastructure");
    await expect(page.getByTestId("teams-overview")).toContainText(/\d+\.\d%/);
    await page.screenshot({ path: "e2e/screenshots/people.png", fullPage: true });

    await page.getByRole("link", { name: "Felix Braun" }).click();
    await expect(page.getByTestId("overloaded")).toContainText("Accountable for");
    await expect(page.getByTestId("cells-A").locator("tbody tr").first()).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/person-overloaded.png", fullPage: true });

    await page.goto("/people?q=ravi.patel");
    await page.getByRole("link", { name: "Ravi Patel" }).click();
    await expect(page.getByTestId("left-notice")).toContainText("departed-owner gap");
    await expect(page.getByTestId("person-cells")).toContainText("Departed owner");
    await page.screenshot({ path: "e2e/screenshots/person-left.png", fullPage: true });

    await page.getByRole("link", { name: "Security & Infrastructure" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Security & Infrastructure");
    await expect(page.getByTestId("team-members")).toContainText("Felix Braun");
    await expect(page.getByTestId("team-cells").locator("tbody tr").first()).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/team.png", fullPage: true });
  });
});

test.describe("Teams and passwords as the admin", () => {
  asUser("admin");

  test("creates and renames a team, and gives a new viewer a password they sign in with", async ({
    page,
    browser,
  }) => {
    const suffix = uniqueSuffix();
    await page.goto("/teams/new");
    await page.getByLabel("Name", { exact: true }).fill(`Agency ${suffix}`);
    await page.getByLabel(/^Other/).check();
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Agency ${suffix}`);
    await expect(page.getByRole("heading", { level: 1 }).getByTestId("team-function")).toHaveText(/Other/);
    await page.getByRole("link", { name: "Edit team" }).click();
    await page.getByLabel("Name", { exact: true }).fill(`Partner agency ${suffix}`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Partner agency ${suffix}`);
    await expect(page.getByTestId("audit-history")).toContainText("edited the team");

    const email = `auditor.${suffix}@example.org`;
    await page.goto("/people/new");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Name", { exact: true }).fill(`Audrey ${suffix}`);
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByLabel(/Initial password/).fill("short");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.locator("#password-error")).toHaveText("Use at least 12 characters.");
    // bcrypt would check only the first 72 bytes, and a common password is the first one guessed.
    await page.getByLabel(/Initial password/).fill("violet kettle ferry ".padEnd(73, "x"));
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.locator("#password-error")).toContainText("Use at most 72 bytes");
    await page.getByLabel(/Initial password/).fill("Password1234!");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.locator("#password-error")).toContainText("among the first that anyone guesses");
    await page.getByLabel(/Initial password/).fill("first long password");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Audrey ${suffix}`);

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel(/New password/).fill("second long password");
    await page.getByLabel("Repeat it").fill("second long password");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByText("Password set.")).toBeVisible();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const signIn = await context.newPage();
    await signIn.goto("/sign-in");
    await signIn.getByLabel("Email").fill(email);
    await signIn.getByLabel("Password").fill("second long password");
    await signIn.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(signIn.getByTestId("current-user")).toContainText(`Audrey ${suffix}`);
    await context.close();
  });
});

test.describe("People & teams as a viewer", () => {
  asUser("viewer");

  test("shows no admin controls, and a forged write is refused and creates nobody", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/people");
    await expect(page.getByRole("heading", { level: 1, name: "People & teams" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New person" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New team" })).toHaveCount(0);
    await page.getByRole("link", { name: "Felix Braun" }).click();
    await expect(page.getByTestId("person-load")).toBeVisible();
    await expect(page.getByTestId("admin-actions")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);

    const email = `forged.${uniqueSuffix()}@example.org`;
    const response = await page.request.post("/api/people", {
      data: { email, name: "Forged Admin", role: "admin", password: "a long enough password" },
      headers: { Origin: baseURL! },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });
    await page.goto(`/people?q=${encodeURIComponent(email)}`);
    await expect(page.getByTestId("people-empty")).toBeVisible();

    await page.goto("/people/new");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});

test.describe("People & teams as a manager", () => {
  asUser("marketingManager");

  test("the manager's own page shows the cells they hold", async ({ page }) => {
    await page.goto("/people?q=marketing.manager");
    await page.getByRole("main").getByRole("link", { name: "Maya Fischer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Maya Fischer");
    const cells = page.getByTestId("person-cells");
    await expect(cells.locator("tbody tr").first()).toBeVisible();
    await expect(cells.getByRole("link").first()).toHaveAttribute("href", /^\/assets\//);
    await expect(page.getByTestId("admin-actions")).toHaveCount(0);
  });
});
