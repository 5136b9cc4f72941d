import { describe, expect, it } from "vitest";
import { composeMail, type MailContent } from "./compose";

const invitation: MailContent = {
  subject: "You are invited to Tandem",
  greeting: "Hello <script>alert(1)</script> & Co,",
  paragraphs: ["Alex invited you to Tandem & its \"review\".", "Second paragraph."],
  action: { label: "Accept the invitation", url: "https://tandem.example.org/invite/abc?x=1&y=2" },
  footer: ["This link works once, until 10 December 2026."],
};

describe("composeMail", () => {
  const mail = composeMail("maya@example.org", invitation);

  it("addresses the message and keeps the subject", () => {
    expect(mail.to).toBe("maya@example.org");
    expect(mail.subject).toBe("You are invited to Tandem");
  });

  it("escapes the content in the HTML part", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,");
    expect(mail.html).toContain("Tandem &amp; its &quot;review&quot;.");
  });

  it("puts the link in both parts: a button and the written-out URL in HTML, alone on its line in text", () => {
    expect(mail.html).toContain('href="https://tandem.example.org/invite/abc?x=1&amp;y=2"');
    expect(mail.html.match(/href="https:\/\/tandem\.example\.org\/invite\/abc\?x=1&amp;y=2"/g)).toHaveLength(2);
    expect(mail.html).toContain(">Accept the invitation</a>");
    expect(mail.text.split("\n")).toContain("https://tandem.example.org/invite/abc?x=1&y=2");
  });

  it("keeps the text part free of HTML and readable as it is: the content verbatim, unescaped", () => {
    const text = composeMail("maya@example.org", { ...invitation, greeting: "Hello Maya & Tom," }).text;
    expect(text).not.toMatch(/<\/?[a-z][^>]*>|&amp;|&lt;|&quot;/i);
    expect(text).toContain("Hello Maya & Tom,");
    expect(mail.text).toContain("Hello <script>alert(1)</script> & Co,\n\nAlex invited you");
    expect(mail.text).toContain("This link works once, until 10 December 2026.");
    expect(mail.text).toContain("Tandem");
  });

  it("needs neither greeting, action nor footer", () => {
    const plain = composeMail("a@example.org", { subject: "Hi", paragraphs: ["Just this."] });
    expect(plain.text).toBe("Just this.\n\n-- \nTandem\n");
    expect(plain.html).not.toContain("<a ");
  });

  it("refuses an action that is not a web link", () => {
    expect(() => composeMail("a@example.org", { subject: "Hi", paragraphs: [], action: { label: "Go", url: "javascript:alert(1)" } })).toThrow(/http/);
  });
});
