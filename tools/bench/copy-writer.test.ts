import { describe, expect, it } from "vitest";
import { copyLine, copyText } from "./copy-writer";

describe("copyText", () => {
  it("writes null as \\N and dates in ISO 8601", () => {
    expect(copyText(null)).toBe("\\N");
    expect(copyText(new Date("2026-11-23T09:00:00.123Z"))).toBe("2026-11-23T09:00:00.123Z");
    expect(copyText(42)).toBe("42");
    expect(copyText(false)).toBe("false");
  });

  it("escapes what would end a column or a row, and the escape character itself", () => {
    expect(copyText("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyText("\\N")).toBe("\\\\N");
    expect(copyText('O\'Brien & Co, "quoted"')).toBe('O\'Brien & Co, "quoted"');
  });
});

describe("copyLine", () => {
  it("separates columns with tabs and ends with a newline", () => {
    expect(copyLine([1, "x y", null])).toBe("1\tx y\t\\N\n");
  });
});
