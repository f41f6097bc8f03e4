/** The respondent API's shapes (docs/api/listen.md §1–2), as far as the runtime reads them. */

export type Language = "de" | "en";

export type LocalizedText = Partial<Record<Language, string>>;

export type QuestionType = "nps" | "csat" | "ces" | "rating" | "single_choice" | "multiple_choice" | "text";

export type ShowIfOp = "lt" | "lte" | "eq" | "neq" | "gte" | "gt" | "includes";

export interface Question {
  id: string;
  type: QuestionType;
  text: LocalizedText;
  required: boolean;
  scale?: { min: number; max: number; minLabel?: LocalizedText; maxLabel?: LocalizedText };
  options?: { id: string; label: LocalizedText }[];
  showIf?: { questionId: string; op: ShowIfOp; value: number | string };
}

export interface SurveyDefinition {
  schemaVersion: 1;
  title: LocalizedText;
  intro?: LocalizedText;
  thankYou: LocalizedText;
  questions: Question[];
}

export interface PublicSurvey {
  id: string;
  language: Language;
  languages: Language[];
  definition: SurveyDefinition;
  settings: {
    widget?: { position?: "bottom-right" | "bottom-left" | "center"; delaySeconds?: number };
  };
  link?: { customerId?: string | null } | null;
}

export type Answer = number | string | string[];

export type Answers = Record<string, Answer>;
