import { ASPECT_KEY_PATTERN, type AspectDefinition, TAXONOMY_LIMITS } from "../../api/text";

/** An aspect as edited: keywords as one text per language, one keyword a line. */
export interface AspectDraft {
  /** A local id for React keys; keys of new aspects change while typing. */
  id: string;
  key: string;
  labelDe: string;
  labelEn: string;
  keywordsDe: string;
  keywordsEn: string;
  enabled: boolean;
  /** New aspects get their key here; stored ones keep theirs (the facts refer to it). */
  isNew: boolean;
}

// One keyword a line: whitespace inside a stored phrase (even a line break) becomes one space.
const asLines = (keywords: string[]) => keywords.map((k) => k.trim().replace(/\s+/g, " ")).join("\n");

export const toDraft = (a: AspectDefinition, id: string): AspectDraft => ({
  id,
  key: a.key,
  labelDe: a.label.de,
  labelEn: a.label.en,
  keywordsDe: asLines(a.keywords.de),
  keywordsEn: asLines(a.keywords.en),
  enabled: a.enabled,
  isNew: false,
});

/** Lines as keywords, normalised as the server stores them (trimmed, lower case, single spaces), no blanks or repeats. */
export const keywordLines = (text: string): string[] => [
  ...new Set(
    text
      .split("\n")
      .map((line) => line.trim().toLowerCase().replace(/\s+/g, " "))
      .filter(Boolean),
  ),
];

export const fromDraft = (d: AspectDraft): AspectDefinition => ({
  key: d.key.trim(),
  label: { de: d.labelDe.trim(), en: d.labelEn.trim() },
  keywords: { de: keywordLines(d.keywordsDe), en: keywordLines(d.keywordsEn) },
  enabled: d.enabled,
});

export type DraftProblem =
  | "keyInvalid"
  | "keyDuplicate"
  | "labelMissing"
  | "keywordsMissing"
  | "tooManyKeywords"
  | "keywordTooLong";

/** What keeps one aspect from being saved; the server checks the same and has the last word. */
export function draftProblems(drafts: AspectDraft[]): DraftProblem[][] {
  const keys = drafts.map((d) => d.key.trim());
  return drafts.map((d, i) => {
    const a = fromDraft(d);
    const problems: DraftProblem[] = [];
    if (!ASPECT_KEY_PATTERN.test(a.key)) problems.push("keyInvalid");
    else if (keys.indexOf(a.key) !== i) problems.push("keyDuplicate");
    if (!a.label.de || !a.label.en) problems.push("labelMissing");
    const lists = [a.keywords.de, a.keywords.en];
    if (a.enabled && lists.every((l) => l.length === 0)) problems.push("keywordsMissing");
    if (lists.some((l) => l.length > TAXONOMY_LIMITS.keywords)) problems.push("tooManyKeywords");
    if (lists.some((l) => l.some((k) => k.length > TAXONOMY_LIMITS.keywordLength)))
      problems.push("keywordTooLong");
    return problems;
  });
}
