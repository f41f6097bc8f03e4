import type { Updateable } from "kysely";
import type { PersonasTable } from "../db/schema.js";
import { validateExpression } from "../expressions/validate.js";
import { defaultAvatarColor } from "./persona-row.js";
import type { TUpdatePersona } from "./personas.schema.js";

/** An empty rule is no rule; anything else must parse (the error names the column). */
export function segmentRuleColumn(rule: string | null | undefined, pointer: string): string | null {
  if (rule === null || rule === undefined || rule.trim() === "") return null;
  validateExpression(rule, pointer);
  return rule.trim();
}

const list = (items: readonly string[]) => JSON.stringify(items);

/** Columns for the fields present in `input`; `pointer` locates the input for errors. */
export function personaColumns(input: TUpdatePersona, pointer: string): Updateable<PersonasTable> {
  const set: Updateable<PersonasTable> = {};
  if (input.key !== undefined) set.key = input.key;
  if (input.name !== undefined) set.name = input.name;
  if (input.quote !== undefined) set.quote = input.quote;
  if (input.description !== undefined) set.description = input.description;
  if (input.avatarColor !== undefined) set.avatar_color = input.avatarColor.toLowerCase();
  if (input.goals !== undefined) set.goals = list(input.goals);
  if (input.needs !== undefined) set.needs = list(input.needs);
  if (input.frustrations !== undefined) set.frustrations = list(input.frustrations);
  if (input.channels !== undefined) set.channels = list([...new Set(input.channels)]);
  if (input.segmentRule !== undefined)
    set.segment_rule = segmentRuleColumn(input.segmentRule, `${pointer}/segmentRule`);
  return set;
}

/** Defaults of a new persona for the fields not given. */
export const newPersonaDefaults = (name: string) => ({
  quote: "",
  description: "",
  avatar_color: defaultAvatarColor(name),
  goals: "[]",
  needs: "[]",
  frustrations: "[]",
  channels: "[]",
  segment_rule: null,
});
