import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleQuestions as serverVisibleQuestions } from "../../src/core/surveys/answers.js";
import { format, localized, toLanguage } from "./i18n.js";
import { answerChanges, missingRequired, pruneHidden, visibleQuestions } from "./logic.js";
import type { Answer, Answers, Question, ShowIfOp, SurveyDefinition } from "./types.js";

const definition = (questions: Question[]): SurveyDefinition => ({
  schemaVersion: 1,
  title: { en: "Survey" },
  thankYou: { en: "Thanks" },
  questions,
});

const nps: Question = { id: "nps", type: "nps", text: { en: "Recommend?" }, required: true };
const why: Question = {
  id: "why",
  type: "multiple_choice",
  text: { en: "What went wrong?" },
  required: true,
  options: [
    { id: "price", label: { en: "Price" } },
    { id: "delivery", label: { en: "Delivery" } },
  ],
  showIf: { questionId: "nps", op: "lte", value: 6 },
};
const late: Question = {
  id: "late",
  type: "text",
  text: { en: "How late?" },
  required: false,
  showIf: { questionId: "why", op: "includes", value: "delivery" },
};
const survey = definition([nps, why, late]);

describe("skip logic", () => {
  it("shows follow-ups while their condition holds and hides them in a cascade", () => {
    const ids = (answers: Answers) => visibleQuestions(survey, answers).map((q) => q.id);
    expect(ids({})).toEqual(["nps"]);
    expect(ids({ nps: 3 })).toEqual(["nps", "why"]);
    expect(ids({ nps: 3, why: ["delivery"] })).toEqual(["nps", "why", "late"]);
    // A promoter hides "why", and with it "late", although "why" still has an answer.
    expect(ids({ nps: 9, why: ["delivery"], late: "2 days" })).toEqual(["nps"]);
  });

  it("drops answers of hidden questions and asks only for required visible ones", () => {
    expect(pruneHidden(survey, { nps: 9, why: ["delivery"], late: "2 days" })).toEqual({ nps: 9 });
    expect(missingRequired(survey, { nps: 2 }).map((q) => q.id)).toEqual(["why"]);
    expect(missingRequired(survey, { nps: 10 })).toEqual([]);
    expect(missingRequired(survey, { nps: 2, why: [] }).map((q) => q.id)).toEqual(["why"]);
  });
});

describe("answer changes", () => {
  it("sends changed answers and null for removed ones", () => {
    expect(answerChanges({ nps: 3, why: ["price"] }, { nps: 9 })).toEqual({ nps: 9, why: null });
    expect(answerChanges({ why: ["price"] }, { why: ["price"] })).toEqual({});
  });
});

const OPS: ShowIfOp[] = ["lt", "lte", "eq", "neq", "gte", "gt", "includes"];
const OPTIONS = ["a", "b", "c"];

/** Random surveys of up to 8 questions whose conditions refer to earlier ones, as the schema allows. */
const arbSurvey = fc.integer({ min: 1, max: 8 }).chain((count) =>
  fc
    .tuple(
      ...Array.from({ length: count }, (_, index) =>
        fc.record({
          type: fc.constantFrom<Question["type"]>("nps", "single_choice", "multiple_choice", "text"),
          required: fc.boolean(),
          showIf:
            index === 0
              ? fc.constant(null)
              : fc.option(
                  fc.record({
                    questionIndex: fc.nat({ max: index - 1 }),
                    op: fc.constantFrom(...OPS),
                    value: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(...OPTIONS)),
                  }),
                ),
        }),
      ),
    )
    .map((specs) =>
      definition(
        specs.map((spec, index) => ({
          id: `q${index}`,
          type: spec.type,
          text: { en: `Question ${index}` },
          required: spec.required,
          ...(spec.type.endsWith("choice")
            ? { options: OPTIONS.map((id) => ({ id, label: { en: id.toUpperCase() } })) }
            : {}),
          ...(spec.showIf
            ? {
                showIf: {
                  questionId: `q${spec.showIf.questionIndex}`,
                  op: spec.showIf.op,
                  value: spec.showIf.value,
                },
              }
            : {}),
        })),
      ),
    ),
);

const arbAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.constantFrom(...OPTIONS, "", " "),
  fc.subarray(OPTIONS),
);

const arbAnswers = fc.dictionary(
  fc.integer({ min: 0, max: 8 }).map((i) => `q${i}`),
  arbAnswer,
);

describe("skip logic properties", () => {
  it("shows exactly the questions the server considers visible", () => {
    fc.assert(
      fc.property(arbSurvey, arbAnswers, (def, answers) => {
        const server = serverVisibleQuestions(def as never, answers).map((q) => q.id);
        expect(visibleQuestions(def, answers).map((q) => q.id)).toEqual(server);
      }),
      { numRuns: 2000 },
    );
  });

  it("pruning keeps visibility and is idempotent, and keeps only visible questions' answers", () => {
    fc.assert(
      fc.property(arbSurvey, arbAnswers, (def, answers) => {
        const pruned = pruneHidden(def, answers);
        const visible = visibleQuestions(def, answers).map((q) => q.id);
        expect(visibleQuestions(def, pruned).map((q) => q.id)).toEqual(visible);
        expect(pruneHidden(def, pruned)).toEqual(pruned);
        for (const id of Object.keys(pruned)) expect(visible).toContain(id);
      }),
    );
  });

  it("applying the changes to the saved answers gives the current answers", () => {
    fc.assert(
      fc.property(arbAnswers, arbAnswers, (saved, current) => {
        const merged: Answers = { ...saved };
        for (const [id, value] of Object.entries(answerChanges(saved, current))) {
          if (value === null) delete merged[id];
          else merged[id] = value;
        }
        expect(merged).toEqual(current);
      }),
    );
  });
});

describe("strings", () => {
  it("reduces language tags, formats counters and falls back to the other language", () => {
    expect(toLanguage("de-AT")).toBe("de");
    expect(toLanguage("EN")).toBe("en");
    expect(toLanguage("fr")).toBeNull();
    expect(format("Frage {x} von {y}", { x: 2, y: 5 })).toBe("Frage 2 von 5");
    expect(localized({ de: "Hallo" }, "en")).toBe("Hallo");
    expect(localized({ de: "Hallo", en: "Hello" }, "en")).toBe("Hello");
    expect(localized({ en: "" }, "de")).toBe("");
  });
});
