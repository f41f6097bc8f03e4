import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.js";
import { deriveRatings, responseText, validateAnswers, visibleQuestions } from "./answers.js";
import { prepareDefinition } from "./definition.js";
import { type TSurveyDefinition, type TSurveyDefinitionInput, ZSurveyDefinition } from "./surveys.schema.js";

const parse = (input: TSurveyDefinitionInput): TSurveyDefinition => ZSurveyDefinition.parse(input);

const definition = parse({
  schemaVersion: 1,
  title: { de: "Ihre Meinung", en: "Your opinion" },
  thankYou: { de: "Danke!" },
  questions: [
    { id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true },
    {
      id: "why_low",
      type: "text",
      text: { de: "Was fehlt?" },
      required: true,
      showIf: { questionId: "nps", op: "lte", value: 6 },
    },
    {
      id: "channel",
      type: "single_choice",
      text: { de: "Kanal?" },
      options: [
        { id: "web", label: { de: "Web" } },
        { id: "phone", label: { de: "Telefon" } },
      ],
    },
    {
      id: "phone_wait",
      type: "rating",
      text: { de: "Wartezeit?" },
      scale: { min: 0, max: 4 },
      showIf: { questionId: "channel", op: "eq", value: "phone" },
    },
    {
      id: "topics",
      type: "multiple_choice",
      text: { de: "Themen" },
      options: [
        { id: "price", label: { de: "Preis" } },
        { id: "speed", label: { de: "Tempo" } },
      ],
    },
    {
      id: "price_text",
      type: "text",
      text: { de: "Zum Preis" },
      showIf: { questionId: "topics", op: "includes", value: "price" },
    },
    { id: "ces", type: "ces" },
    { id: "csat", type: "csat", text: { de: "Zufrieden?" } },
  ],
});

const ids = (answers: Record<string, unknown>) => visibleQuestions(definition, answers).map((q) => q.id);
const codes = (answers: Record<string, unknown>, finishing = false) =>
  validateAnswers(definition, answers, { finishing }).map((e) => `${e.pointer} ${e.code}`);

describe("survey definitions", () => {
  it("refuses duplicate ids, later or missing show-if references, options on the wrong types, bad scales", () => {
    const result = ZSurveyDefinition.safeParse({
      schemaVersion: 1,
      title: { de: "T" },
      thankYou: { de: "D" },
      questions: [
        { id: "a", type: "nps", text: { de: "A" }, showIf: { questionId: "b", op: "eq", value: 1 } },
        { id: "b", type: "single_choice", text: { de: "B" } },
        {
          id: "b",
          type: "text",
          text: { de: "C" },
          options: [
            { id: "x", label: {} },
            { id: "y", label: {} },
          ],
        },
        { id: "d", type: "csat", scale: { min: 0, max: 10 } },
        { id: "e", type: "rating", scale: { min: 5, max: 5 } },
        { id: "f", type: "text", showIf: { questionId: "a", op: "includes", value: 3 } },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => `${i.path.join("/")}: ${i.message}`);
    expect(issues).toEqual([
      'questions/0/showIf: "b" is not an earlier question',
      "questions/1/options: a choice question needs options",
      'questions/2/id: the id "b" is used twice',
      "questions/2/options: options belong to choice questions only",
      "questions/3/scale: csat is fixed at 1–5",
      "questions/4/scale/max: max must be greater than min",
      'questions/5/showIf: "includes" applies to multiple choice questions only',
    ]);
  });

  it("fills the CES 2.0 wording and requires texts in the default language", () => {
    const prepared = prepareDefinition(definition, "de");
    expect(prepared.questions.find((q) => q.id === "ces")?.text).toEqual({
      de: "{Unternehmen} hat es mir leicht gemacht, mein Anliegen zu erledigen.",
      en: "{Company} made it easy for me to handle my issue.",
    });
    try {
      prepareDefinition(definition, "en");
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.errors.map((x) => x.pointer)).toEqual([
        "/body/definition/thankYou",
        "/body/definition/questions/0/text",
        "/body/definition/questions/1/text",
        "/body/definition/questions/2/text",
        "/body/definition/questions/2/options/0/label",
        "/body/definition/questions/2/options/1/label",
        "/body/definition/questions/3/text",
        "/body/definition/questions/4/text",
        "/body/definition/questions/4/options/0/label",
        "/body/definition/questions/4/options/1/label",
        "/body/definition/questions/5/text",
        "/body/definition/questions/7/text",
      ]);
    }
  });
});

describe("skip logic", () => {
  it("shows follow-ups only when the condition on an earlier answer holds", () => {
    expect(ids({})).toEqual(["nps", "channel", "topics", "ces", "csat"]);
    expect(ids({ nps: 6 })).toContain("why_low");
    expect(ids({ nps: 7 })).not.toContain("why_low");
    expect(ids({ channel: "phone" })).toContain("phone_wait");
    expect(ids({ channel: "web" })).not.toContain("phone_wait");
    expect(ids({ topics: ["speed", "price"] })).toContain("price_text");
    expect(ids({ topics: ["speed"] })).not.toContain("price_text");
  });

  it("hides a question whose reference is itself hidden", () => {
    const chain = parse({
      schemaVersion: 1,
      title: { en: "T" },
      thankYou: { en: "D" },
      questions: [
        { id: "a", type: "nps", text: { en: "A" } },
        { id: "b", type: "csat", text: { en: "B" }, showIf: { questionId: "a", op: "lt", value: 5 } },
        { id: "c", type: "text", text: { en: "C" }, showIf: { questionId: "b", op: "gte", value: 1 } },
      ],
    });
    const visible = (answers: Record<string, unknown>) => visibleQuestions(chain, answers).map((q) => q.id);
    expect(visible({ a: 2, b: 3 })).toEqual(["a", "b", "c"]);
    expect(visible({ a: 9, b: 3 })).toEqual(["a"]);
  });
});

describe("answer validation", () => {
  it("names each bad answer with its pointer and code", () => {
    expect(
      codes({
        nps: 11,
        channel: "fax",
        topics: ["price", "gifts"],
        csat: "5",
        nope: 1,
        phone_wait: 2,
        price_text: "x".repeat(5001),
      }),
    ).toEqual([
      "/body/answers/nps out_of_range",
      "/body/answers/channel unknown_option",
      "/body/answers/topics unknown_option",
      "/body/answers/csat invalid_type",
      "/body/answers/nope unknown_question",
      "/body/answers/phone_wait hidden_question",
      "/body/answers/price_text out_of_range",
    ]);
    expect(codes({ nps: 4.5, topics: [] })).toEqual([
      "/body/answers/nps invalid_type",
      "/body/answers/topics invalid_type",
    ]);
  });

  it("requires the required visible questions only when finishing", () => {
    expect(codes({})).toEqual([]);
    expect(codes({}, true)).toEqual(["/body/answers/nps required"]);
    expect(codes({ nps: 3 }, true)).toEqual(["/body/answers/why_low required"]);
    expect(codes({ nps: 3, why_low: "   " }, true)).toEqual(["/body/answers/why_low required"]);
    expect(codes({ nps: 9 }, true)).toEqual([]);
  });

  it("accepts every answer set built from visible questions with in-range values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom("web", "phone"),
        fc.subarray(["price", "speed"], { minLength: 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ""),
        (nps, channel, topics, wait, text) => {
          const answers: Record<string, unknown> = { nps, channel, topics, ces: 5, csat: 4 };
          const shown = ids(answers);
          if (shown.includes("why_low")) answers.why_low = text;
          if (shown.includes("phone_wait")) answers.phone_wait = wait;
          if (shown.includes("price_text")) answers.price_text = text;
          return validateAnswers(definition, answers, { finishing: true }).length === 0;
        },
      ),
    );
  });
});

describe("derived fields", () => {
  it("derives ratings on each question's scale and joins text answers with blank lines", () => {
    const answers = {
      nps: 3,
      why_low: " Zu teuer. ",
      phone_wait: 1,
      channel: "phone",
      ces: 6,
      price_text: "Preis!",
    };
    expect(deriveRatings(definition, answers)).toEqual([
      { metric: "nps", value: 3, min: 0, max: 10, questionId: "nps" },
      { metric: "rating", value: 1, min: 0, max: 4, questionId: "phone_wait" },
      { metric: "ces", value: 6, min: 1, max: 7, questionId: "ces" },
    ]);
    expect(responseText(definition, answers)).toBe("Zu teuer.\n\nPreis!");
  });
});
