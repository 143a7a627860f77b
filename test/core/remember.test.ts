import { remembered } from "../../shared/remember";

describe("remembered", () => {
  it("works a text out once and gives the same answer after", () => {
    const seen: string[] = [];
    const upper = remembered((t) => {
      seen.push(t);
      return { text: t.toUpperCase() };
    });
    const first = upper("có");
    expect(upper("có")).toBe(first);
    expect(first.text).toBe("CÓ");
    expect(upper("không").text).toBe("KHÔNG");
    expect(seen).toEqual(["có", "không"]);
  });

  it("does not keep a long text (a note pasted in a cell)", () => {
    let calls = 0;
    const length = remembered((t) => (calls++, t.length));
    const note = "x".repeat(501);
    expect(length(note)).toBe(501);
    expect(length(note)).toBe(501);
    expect(calls).toBe(2);
  });

  it("starts again empty when full, and still answers right", () => {
    let calls = 0;
    const same = remembered((t) => (calls++, t));
    for (let i = 0; i < 10_000; i++) same(`t${i}`);
    expect(calls).toBe(10_000);
    same("t1");
    expect(calls).toBe(10_000);
    same("new"); // the 10,001st text empties the table
    same("t1");
    expect(calls).toBe(10_002);
    expect(same("t2")).toBe("t2");
  });
});
