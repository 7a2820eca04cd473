import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./candidates-csv.js";

describe("CSV shortlist", () => {
  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField('Backend, "APIs"')).toBe('"Backend, ""APIs"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });

  it("turns text that a spreadsheet would run as a formula into plain text", () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
    // numbers are ours, not the candidate's: a negative number stays a number
    expect(csvField(-3)).toBe("-3");
  });

  it("ends every record, the last included, with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
