import i18next from "i18next";
import type { LocalizedText, SurveyDefinition } from "../../api/listen";
import type { Locale } from "../../api/types";

export const TEMPLATES = ["nps_relational", "csat_touchpoint", "ces_service", "blank"] as const;
export type TemplateId = (typeof TEMPLATES)[number];

type TemplateKey =
  | "title"
  | "intro"
  | "thankYou"
  | "npsQuestion"
  | "npsMin"
  | "npsMax"
  | "reason"
  | "improve"
  | "csatQuestion"
  | "csatMin"
  | "csatMax"
  | "csatComment"
  | "cesMin"
  | "cesMax"
  | "cesHard"
  | "cesDefault";

/** The template's texts in both languages, from the catalogs, with the company's name filled in. */
function texts(company: string) {
  const de = i18next.getFixedT("de");
  const en = i18next.getFixedT("en");
  return (key: TemplateKey): LocalizedText => ({
    de: de(`surveys.templateTexts.${key}`, { company }),
    en: en(`surveys.templateTexts.${key}`, { company }),
  });
}

/** A ready-to-edit definition: NPS with a reason and an improvement question for detractors, CSAT, CES. */
export function templateDefinition(id: TemplateId, company: string): SurveyDefinition {
  const text = texts(company);
  const base = {
    schemaVersion: 1 as const,
    title: text("title"),
    intro: text("intro"),
    thankYou: text("thankYou"),
  };
  switch (id) {
    case "nps_relational":
      return {
        ...base,
        questions: [
          {
            id: "nps",
            type: "nps",
            text: text("npsQuestion"),
            required: true,
            scale: { min: 0, max: 10, minLabel: text("npsMin"), maxLabel: text("npsMax") },
          },
          { id: "reason", type: "text", text: text("reason"), required: false },
          {
            id: "improve",
            type: "text",
            text: text("improve"),
            required: false,
            showIf: { questionId: "nps", op: "lte", value: 6 },
          },
        ],
      };
    case "csat_touchpoint":
      return {
        ...base,
        questions: [
          {
            id: "csat",
            type: "csat",
            text: text("csatQuestion"),
            required: true,
            scale: { min: 1, max: 5, minLabel: text("csatMin"), maxLabel: text("csatMax") },
          },
          { id: "comment", type: "text", text: text("csatComment"), required: false },
        ],
      };
    case "ces_service":
      return {
        ...base,
        questions: [
          {
            id: "ces",
            type: "ces",
            text: text("cesDefault"),
            required: true,
            scale: { min: 1, max: 7, minLabel: text("cesMin"), maxLabel: text("cesMax") },
          },
          {
            id: "hard",
            type: "text",
            text: text("cesHard"),
            required: false,
            showIf: { questionId: "ces", op: "lte", value: 3 },
          },
        ],
      };
    case "blank":
      return {
        ...base,
        questions: [{ id: "comment", type: "text", text: text("reason"), required: false }],
      };
  }
}

/** The CES 2.0 statement the server uses when a CES question has no text (docs/api/listen.md). */
export function cesDefaultText(language: Locale, company: string): string {
  return i18next.getFixedT(language)("surveys.templateTexts.cesDefault", { company });
}
