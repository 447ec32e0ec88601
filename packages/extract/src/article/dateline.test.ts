import { describe, expect, it } from "vitest";
import { findDateline } from "./dateline.ts";

const place = (line: string, date?: string) => {
  const d = findDateline(line, 0, date);
  return d && [d.place, d.date];
};

describe("datelines", () => {
  it("reads the wire's forms: place, region, date, agency", () => {
    expect(place("SALVADOR, Feb 26 -", "1987-02-26")).toEqual(["Salvador", "1987-02-26"]);
    expect(place("PORTLAND, Ore., Feb 26 -", "1987-02-26")).toEqual(["Portland", "1987-02-26"]);
    expect(place("RICHMOND, Va. Feb 26 -", "1987-02-26")).toEqual(["Richmond", "1987-02-26"]);
    expect(place("AMSTERDAM, 2 March -", "1987-03-02")).toEqual(["Amsterdam", "1987-03-02"]);
    expect(place("WASHINGTON, MARCH 2 -", "1987-03-02")).toEqual(["Washington", "1987-03-02"]);
    expect(place("ROME, March 13, Reuter -", "1987-03-13")).toEqual(["Rome", "1987-03-13"]);
    expect(place("LONDON (Reuters) -", "1987-03-13")).toEqual(["London", undefined]);
    expect(place("RIO DE JANEIRO, Feb 26 -")).toEqual(["Rio de Janeiro", undefined]);
    expect(place("Toronto, Feb 26 -", "1987-02-26")).toEqual(["Toronto", "1987-02-26"]);
  });

  it("puts the date in the year before when the article is dated early in January", () => {
    expect(place("TOKYO, Dec 31 -", "1988-01-02")).toEqual(["Tokyo", "1987-12-31"]);
  });

  it("is not fooled by a headline, a misspelt month or an impossible day", () => {
    expect(place("UK - China trade talks")).toBeUndefined();
    expect(place("NEW YORK, Narch 2 -")).toBeUndefined();
    expect(place("TOKYO, Feb 30 -", "1987-02-26")).toEqual(["Tokyo", undefined]);
  });
});
