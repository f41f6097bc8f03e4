import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Touchpoint } from "../../api/journey-design";
import de from "../../i18n/de.json";
import { addStage, addStep, emptyDocument, emptyStage, emptyStep } from "./document";
import {
  formatKpiValue,
  formatRating,
  formatSentimentScore,
  hasMappedSteps,
  ratingGap,
  sentimentTone,
} from "./measures";

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { de: { translation: de } },
    lng: "de",
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

describe("journey measures", () => {
  it("calls workshop and measured ratings apart from one point on, either way", () => {
    expect(ratingGap(4, 2.8)).toBe("worse");
    expect(ratingGap(4, 3)).toBe("worse");
    expect(ratingGap(4, 3.01)).toBe("same");
    expect(ratingGap(2, 3.5)).toBe("better");
    expect(ratingGap(2, 2.99)).toBe("same");
    expect(ratingGap(null, 3)).toBeNull();
    expect(ratingGap(3, null)).toBeNull();
  });

  it("formats ratings, sentiment and KPI values the German way", () => {
    expect(formatRating(2.8413)).toBe("2,8");
    expect(formatRating(null)).toBe("–");
    expect(formatSentimentScore(0.1892)).toBe("+0,19");
    expect(formatSentimentScore(-0.2452)).toBe("−0,25");
    expect(formatSentimentScore(0.001)).toBe("0,00");
    expect(formatSentimentScore(null)).toBe("–");
    expect(sentimentTone(-0.25)).toBe("negative");
    expect(sentimentTone(0.07)).toBe("neutral");
    expect(sentimentTone(0.2)).toBe("positive");
    expect(formatKpiValue(t, "percent", 34.7722)).toBe("34,8 %");
    expect(formatKpiValue(t, "days", 28.3872)).toBe("28,4 Tage");
    expect(formatKpiValue(t, "days", 1)).toBe("1,0 Tag");
    expect(formatKpiValue(t, "count", 0.53)).toBe("0,53");
    expect(formatKpiValue(t, "count", 1234.5)).toBe("1.234,50");
    expect(formatKpiValue(t, "percent", null)).toBe("–");
  });

  it("finds steps the events can measure: those whose touchpoint has event matchers", () => {
    const tp = (id: string, events: string[]) =>
      ({ id, eventMatchers: events.map((event) => ({ event })) }) as unknown as Touchpoint;
    const stage = emptyStage("Planen");
    const step = { ...emptyStep("Informiert sich"), touchpointId: "web" };
    const doc = addStep(addStage(emptyDocument(), stage), stage.id, step);
    expect(hasMappedSteps(doc, [tp("web", ["Page Viewed"])])).toBe(true);
    expect(hasMappedSteps(doc, [tp("web", [])])).toBe(false);
    expect(hasMappedSteps(doc, [tp("other", ["Page Viewed"])])).toBe(false);
    expect(hasMappedSteps(emptyDocument(), [tp("web", ["Page Viewed"])])).toBe(false);
  });
});
