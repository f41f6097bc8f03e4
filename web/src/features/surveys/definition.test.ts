import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUESTION_TYPES, type Question, type SurveyDefinition } from "../../api/listen";
import {
  cleanDefinition,
  definitionIssues,
  moveQuestion,
  newQuestion,
  removeQuestion,
  renameQuestion,
  showIfSources,
  showIfValid,
  withType,
} from "./definition";

const arbType = fc.constantFrom(...QUESTION_TYPES);

/** Builds questions one by one, each with an optional condition on an earlier question. */
const arbQuestions = fc
  .array(fc.record({ type: arbType, cond: fc.option(fc.nat(), { nil: undefined }), value: fc.nat(10) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((specs) => {
    const questions: Question[] = [];
    for (const spec of specs) {
      const q = newQuestion(spec.type, questions);
      q.text = { de: `Frage ${q.id}`, en: `Question ${q.id}` };
      q.options = q.options?.map((o, i) => ({ ...o, label: { de: `Option ${i}`, en: `Option ${i}` } }));
      const sources = showIfSources([...questions, q], questions.length);
      const source = spec.cond === undefined ? undefined : sources[spec.cond % Math.max(1, sources.length)];
      if (source) {
        if (source.type === "single_choice")
          q.showIf = { questionId: source.id, op: "eq", value: "option_1" };
        else if (source.type === "multiple_choice")
          q.showIf = { questionId: source.id, op: "includes", value: "option_2" };
        else q.showIf = { questionId: source.id, op: "gte", value: source.type === "nps" ? spec.value : 3 };
      }
      questions.push(q);
    }
    return questions;
  });

const definition = (questions: Question[]): SurveyDefinition => ({
  schemaVersion: 1,
  title: { de: "Umfrage" },
  thankYou: { de: "Danke" },
  questions,
});

describe("survey definition editing", () => {
  it("gives every new question a unique valid id and a consistent definition", () => {
    fc.assert(
      fc.property(arbQuestions, (questions) => {
        expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
        expect(definitionIssues(definition(questions), "de")).toEqual([]);
      }),
    );
  });

  it("removing a question drops the conditions that referred to it and keeps the rest valid", () => {
    fc.assert(
      fc.property(arbQuestions, fc.nat(), (questions, pick) => {
        const victim = questions[pick % questions.length];
        if (!victim) return;
        const next = removeQuestion(questions, victim.id);
        expect(next).toHaveLength(questions.length - 1);
        expect(next.some((q) => q.showIf?.questionId === victim.id)).toBe(false);
        expect(next.every((_, i) => showIfValid(next, i))).toBe(true);
      }),
    );
  });

  it("moving down and back up restores the order", () => {
    fc.assert(
      fc.property(arbQuestions, fc.nat(), (questions, pick) => {
        const i = pick % questions.length;
        const there = moveQuestion(questions, i, 1);
        const back = i + 1 < questions.length ? moveQuestion(there, i + 1, -1) : there;
        expect(back.map((q) => q.id)).toEqual(questions.map((q) => q.id));
      }),
    );
  });

  it("reports a condition that a move placed before its source", () => {
    const questions: Question[] = [
      { id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true },
      {
        id: "why",
        type: "text",
        text: { de: "Warum?" },
        required: false,
        showIf: { questionId: "nps", op: "lte", value: 6 },
      },
    ];
    expect(definitionIssues(definition(questions), "de")).toEqual([]);
    const moved = moveQuestion(questions, 1, -1);
    expect(definitionIssues(definition(moved), "de")).toEqual([
      { questionId: "why", index: 0, code: "show_if_invalid" },
    ]);
  });

  it("renaming follows conditions", () => {
    const questions: Question[] = [
      { id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true },
      {
        id: "why",
        type: "text",
        text: {},
        required: false,
        showIf: { questionId: "nps", op: "lt", value: 7 },
      },
    ];
    expect(renameQuestion(questions, "nps", "empfehlung")[1]?.showIf?.questionId).toBe("empfehlung");
  });

  it("changing the type keeps text and condition and brings options for choices", () => {
    const q: Question = { id: "x", type: "text", text: { de: "Wie?" }, required: true };
    const choice = withType(q, "single_choice");
    expect(choice.options).toHaveLength(2);
    expect(choice.text).toEqual({ de: "Wie?" });
    expect(withType(choice, "rating").scale).toEqual({ min: 1, max: 5 });
    expect(withType(choice, "rating").options).toBeUndefined();
  });

  it("flags missing default-language texts, bad ids and out-of-scale conditions", () => {
    const issues = definitionIssues(
      definition([
        { id: "Bad Id", type: "csat", text: { en: "Happy?" }, required: true },
        {
          id: "why",
          type: "text",
          text: { de: "Warum?" },
          required: false,
          showIf: { questionId: "Bad Id", op: "gte", value: 9 },
        },
      ]),
      "de",
    );
    expect(issues.map((i) => i.code)).toEqual(["id_invalid", "text_missing", "show_if_invalid"]);
  });

  it("cleaning drops empty translations", () => {
    const clean = cleanDefinition({
      ...definition([{ id: "q", type: "text", text: { de: " Warum? ", en: "" }, required: false }]),
      intro: { de: "", en: "  " },
    });
    expect(clean.questions[0]?.text).toEqual({ de: "Warum?" });
    expect(clean.intro).toBeUndefined();
  });
});
