import { h, uniqueId } from "./dom.js";
import { localized, type Strings } from "./i18n.js";
import { scaleOf } from "./logic.js";
import type { Answer, Language, Question } from "./types.js";

export const MAX_TEXT_LENGTH = 5000;

/** One question on screen: its element, where focus goes, and where its error is shown. */
export interface QuestionControl {
  element: HTMLElement;
  focus(): void;
  showError(message: string): void;
}

interface ControlContext {
  question: Question;
  answer: Answer | undefined;
  language: Language;
  strings: Strings;
  onChange(answer: Answer | undefined): void;
}

function legend(ctx: ControlContext): HTMLLegendElement {
  return h("legend", { class: "question__text", id: uniqueId("legend") }, ...questionLabel(ctx));
}

function questionLabel(ctx: ControlContext): (Node | string)[] {
  const text = localized(ctx.question.text, ctx.language);
  if (!ctx.question.required) return [text];
  return [text, " ", h("span", { class: "required" }, `(${ctx.strings.required})`)];
}

function errorSlot(): { element: HTMLParagraphElement; show(message: string): void } {
  const element = h("p", { class: "error", id: uniqueId("error"), hidden: true });
  return {
    element,
    show(message) {
      element.textContent = message;
      element.hidden = false;
      element.setAttribute("role", "alert");
    },
  };
}

/** End labels: the survey's own, else the catalog's wording for the question type. */
function endLabels(ctx: ControlContext): [string, string] {
  const { question, language, strings } = ctx;
  const defaults: Record<string, [string, string]> = {
    nps: [strings.npsMin, strings.npsMax],
    csat: [strings.csatMin, strings.csatMax],
    ces: [strings.ces[0] ?? "", strings.ces[6] ?? ""],
  };
  const [min, max] = defaults[question.type] ?? ["", ""];
  return [
    localized(question.scale?.minLabel, language) || min,
    localized(question.scale?.maxLabel, language) || max,
  ];
}

function pointName(ctx: ControlContext, value: number, min: number, max: number, ends: [string, string]) {
  if (ctx.question.type === "ces" && !ctx.question.scale?.minLabel && !ctx.question.scale?.maxLabel) {
    return ctx.strings.ces[value - 1] ?? "";
  }
  if (value === min) return ends[0];
  if (value === max) return ends[1];
  return "";
}

/** A rating scale as one native radio group: arrow keys move and select, Tab enters and leaves it. */
function scaleControl(ctx: ControlContext): QuestionControl {
  const scale = scaleOf(ctx.question) ?? { min: 1, max: 5 };
  const ends = endLabels(ctx);
  const error = errorSlot();
  const name = uniqueId(ctx.question.id);
  const inputs: HTMLInputElement[] = [];
  const points = h("div", { class: `scale scale--${scale.max - scale.min + 1}` });
  for (let value = scale.min; value <= scale.max; value += 1) {
    const input = h("input", {
      type: "radio",
      name,
      value,
      class: "point__input",
      checked: ctx.answer === value,
    });
    input.addEventListener("change", () => {
      if (input.checked) ctx.onChange(value);
    });
    inputs.push(input);
    const extra = pointName(ctx, value, scale.min, scale.max, ends);
    points.append(
      h(
        "label",
        { class: "point" },
        input,
        h("span", { class: "point__face" }, String(value)),
        extra ? h("span", { class: "visually-hidden" }, ` ${extra}`) : null,
      ),
    );
  }
  const labels = h(
    "div",
    { class: "scale-labels", "aria-hidden": "true" },
    h("span", {}, ends[0]),
    h("span", {}, ends[1]),
  );
  const title = legend(ctx);
  // The explicit role keeps aria-required valid; the legend still names the group.
  const fieldset = h(
    "fieldset",
    {
      class: "question",
      role: "radiogroup",
      "aria-labelledby": title.id,
      "aria-required": ctx.question.required ? "true" : null,
      "aria-describedby": error.element.id,
    },
    title,
    points,
    labels,
    error.element,
  );
  return {
    element: fieldset,
    focus: () => (inputs.find((i) => i.checked) ?? inputs[0])?.focus(),
    showError: error.show,
  };
}

function choiceControl(ctx: ControlContext, multiple: boolean): QuestionControl {
  const error = errorSlot();
  const name = uniqueId(ctx.question.id);
  const inputs: HTMLInputElement[] = [];
  const selected = new Set(Array.isArray(ctx.answer) ? ctx.answer : []);
  const list = h("div", { class: "options" });
  for (const option of ctx.question.options ?? []) {
    const input = h("input", {
      type: multiple ? "checkbox" : "radio",
      name,
      value: option.id,
      class: "option__input",
      checked: multiple ? selected.has(option.id) : ctx.answer === option.id,
    });
    input.addEventListener("change", () => {
      if (!multiple) {
        if (input.checked) ctx.onChange(option.id);
        return;
      }
      const ids = inputs.filter((i) => i.checked).map((i) => i.value);
      ctx.onChange(ids.length > 0 ? ids : undefined);
    });
    inputs.push(input);
    list.append(h("label", { class: "option" }, input, h("span", {}, localized(option.label, ctx.language))));
  }
  const title = legend(ctx);
  const fieldset = h(
    "fieldset",
    {
      class: "question",
      role: multiple ? null : "radiogroup",
      "aria-labelledby": title.id,
      "aria-required": ctx.question.required && !multiple ? "true" : null,
      "aria-describedby": error.element.id,
    },
    title,
    list,
    error.element,
  );
  return {
    element: fieldset,
    focus: () => ((multiple ? null : inputs.find((i) => i.checked)) ?? inputs[0])?.focus(),
    showError: error.show,
  };
}

function textControl(ctx: ControlContext): QuestionControl {
  const error = errorSlot();
  const id = uniqueId(ctx.question.id);
  const textarea = h("textarea", {
    id,
    class: "textarea",
    rows: 4,
    maxlength: MAX_TEXT_LENGTH,
    placeholder: ctx.strings.textPlaceholder,
    "aria-required": ctx.question.required ? "true" : null,
    "aria-describedby": error.element.id,
  });
  textarea.value = typeof ctx.answer === "string" ? ctx.answer : "";
  textarea.addEventListener("input", () => {
    ctx.onChange(textarea.value.trim() === "" ? undefined : textarea.value);
  });
  const element = h(
    "div",
    { class: "question" },
    h("label", { class: "question__text", for: id }, ...questionLabel(ctx)),
    textarea,
    error.element,
  );
  return { element, focus: () => textarea.focus(), showError: error.show };
}

export function renderQuestion(ctx: ControlContext): QuestionControl {
  switch (ctx.question.type) {
    case "single_choice":
      return choiceControl(ctx, false);
    case "multiple_choice":
      return choiceControl(ctx, true);
    case "text":
      return textControl(ctx);
    default:
      return scaleControl(ctx);
  }
}
