import { describe, expect, it } from "vitest";
import { resolveSentenceDate, resolveWeekday } from "./index.ts";
import { tagSentences } from "../nlp/index.ts";

const dateOf = (sentence: string, articleDate?: string) => resolveSentenceDate(tagSentences(sentence)[0]!.tokens, articleDate);

describe("event dates", () => {
  it("resolves weekdays with a past bias: the same weekday is the article's own day", () => {
    // 2022-02-05 was a Saturday
    expect(resolveWeekday("Saturday", "2022-02-05")).toBe("2022-02-05");
    expect(resolveWeekday("Friday", "2022-02-05")).toBe("2022-02-04");
    expect(resolveWeekday("Sunday", "2022-02-05")).toBe("2022-01-30");
  });

  it("reads the time phrase of a sentence", () => {
    expect(dateOf("Mr Putin on Friday attended the opening.", "2022-02-05")).toBe("2022-02-04");
    expect(dateOf("Britain sent weapons to Ukraine last night.", "2022-01-18")).toBe("2022-01-17");
    expect(dateOf("Inspectors visited a base today.", "2022-01-18")).toBe("2022-01-18");
    expect(dateOf("The talks resume on February 14.", "2022-02-05")).toBe("2022-02-14");
    expect(dateOf("The treaty was signed on 3 March 1999 in Oslo.", "2022-02-05")).toBe("1999-03-03");
  });

  it("gives no date when the sentence names none, or the article has none to resolve against", () => {
    expect(dateOf("Canada sent aid to Chile.", "2022-02-05")).toBeUndefined();
    expect(dateOf("Mr Putin on Friday attended the opening.")).toBeUndefined();
  });
});
