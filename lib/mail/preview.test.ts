import { describe, expect, it } from "vitest";
import { composeMail } from "./compose";
import { linksInText, previewHtml } from "./preview";

describe("previewHtml", () => {
  it("makes links open in a new tab, inside <head> so the doctype stays first", () => {
    const html = composeMail("a@example.org", { subject: "Hi", paragraphs: ["x"] }).html;
    const preview = previewHtml(html);
    expect(preview.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(preview).toContain('<head><base target="_blank">');
  });

  it("puts the base first when the message has no <head>", () => {
    expect(previewHtml("<p>Hi</p>")).toBe('<base target="_blank"><p>Hi</p>');
  });
});

describe("linksInText", () => {
  it("finds each web link once, in order", () => {
    const text = "Accept:\nhttps://tandem.example.org/invite/abc?x=1&y=2\n\nOr http://localhost:3000/a and https://tandem.example.org/invite/abc?x=1&y=2.";
    expect(linksInText(text)).toEqual(["https://tandem.example.org/invite/abc?x=1&y=2", "http://localhost:3000/a"]);
  });
});
