import { ApiFailure, type FailureKind, type RespondentApi } from "./api.js";
import type { WidgetConfig } from "./config.js";
import { MAX_TEXT_LENGTH, type QuestionControl, renderQuestion } from "./controls.js";
import { h, uniqueId } from "./dom.js";
import { format, localized, type Strings, strings } from "./i18n.js";
import { isAnswered, pruneHidden, visibleQuestions } from "./logic.js";
import { saveAnswers } from "./save.js";
import { type SavedProgress, saveProgress } from "./session.js";
import type { Language, PublicSurvey, Question } from "./types.js";

export interface SurveyViewOptions {
  config: WidgetConfig;
  api: RespondentApi;
  survey: PublicSurvey;
  progress: SavedProgress;
  language: Language;
  /** Where the screens go; the caller owns the card and its heading. */
  body: HTMLElement;
  /** Moves focus into a new screen only while the respondent works inside the survey. */
  hasFocus(): boolean;
  onFinished(): void;
  onFailure(kind: FailureKind): void;
}

export function failureMessage(kind: FailureKind, text: Strings): string {
  const messages: Partial<Record<FailureKind, string>> = {
    link_used: text.errorLinkUsed,
    closed: text.errorClosed,
    expired: text.errorExpired,
    not_found: text.errorNotFound,
    too_many: text.errorTooMany,
    network: text.errorNetwork,
    invalid: text.errorInvalid,
  };
  return messages[kind] ?? text.errorGeneric;
}

/** Failures after which answering cannot go on; the others leave the question on screen for a retry. */
const TERMINAL: ReadonlySet<FailureKind> = new Set(["link_used", "closed", "expired", "not_found"]);

/** The question screens and the thank-you screen, one question at a time. */
export function showSurvey(options: SurveyViewOptions): void {
  const { survey, progress, language, body, config } = options;
  const definition = survey.definition;
  const text = strings(language);
  let honeypotValue = "";
  let busy = false;

  const visible = () => visibleQuestions(definition, progress.answers);
  const remember = () => saveProgress(config.surveyId, progress);

  function showThanks(): void {
    const message = h(
      "p",
      { class: "thanks", tabindex: -1, role: "status" },
      localized(definition.thankYou, language) || text.thankYou,
    );
    const hadFocus = options.hasFocus();
    body.replaceChildren(message);
    if (hadFocus) message.focus();
  }

  function show(question: Question, focus: boolean, fieldError?: string): void {
    progress.questionId = question.id;
    remember();
    const questions = visible();
    const index = questions.findIndex((q) => q.id === question.id);
    const progressText = h("p", { class: "progress__text" });
    const bar = h("progress", { class: "progress__bar", "aria-hidden": "true" });
    const updateProgress = () => {
      const now = visible();
      const position = now.findIndex((q) => q.id === question.id) + 1;
      progressText.textContent = format(text.progress, { x: position, y: now.length });
      bar.max = now.length;
      bar.value = position;
      submit.textContent = position === now.length ? text.submit : text.next;
    };
    const control: QuestionControl = renderQuestion({
      question,
      answer: progress.answers[question.id],
      language,
      strings: text,
      onChange(answer) {
        if (answer === undefined) delete progress.answers[question.id];
        else progress.answers[question.id] = answer;
        // Answers of questions this change hides go at once, so they can never be sent.
        progress.answers = pruneHidden(definition, progress.answers);
        remember();
        updateProgress();
      },
    });
    const honeypotId = uniqueId("website");
    const honeypot = h("input", {
      id: honeypotId,
      name: "website",
      type: "text",
      tabindex: -1,
      autocomplete: "off",
      value: honeypotValue,
    });
    honeypot.addEventListener("input", () => {
      honeypotValue = honeypot.value;
    });
    const formError = h("p", { class: "form-error", hidden: true });
    const submit = h("button", { type: "submit", class: "button button--primary" }, text.next);
    const back =
      index > 0 ? h("button", { type: "button", class: "button button--secondary" }, text.back) : null;
    const intro = index === 0 ? localized(definition.intro, language) : "";
    const form = h(
      "form",
      { class: "form", novalidate: true },
      intro ? h("p", { class: "intro" }, intro) : null,
      h("div", { class: "progress" }, progressText, bar),
      control.element,
      h(
        "div",
        { class: "honeypot", "aria-hidden": "true" },
        h("label", { for: honeypotId }, text.honeypot),
        honeypot,
      ),
      formError,
      h("div", { class: "actions" }, back, submit),
    );
    updateProgress();

    const failed = (message: string) => {
      formError.textContent = message;
      formError.hidden = false;
      formError.setAttribute("role", "alert");
    };
    form.addEventListener("keydown", (event) => {
      // Enter continues from choices and scales too, not only from text fields; a textarea keeps its newline.
      const target = event.target;
      if (event.key !== "Enter" || !(target instanceof HTMLInputElement)) return;
      event.preventDefault();
      form.requestSubmit();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void advance(question, control, submit, failed);
    });
    back?.addEventListener("click", () => {
      const previous = visible()[index - 1];
      if (previous && !busy) show(previous, true);
    });
    body.replaceChildren(form);
    if (fieldError) control.showError(fieldError);
    if (focus) control.focus();
  }

  async function advance(
    question: Question,
    control: QuestionControl,
    submit: HTMLButtonElement,
    failed: (message: string) => void,
  ): Promise<void> {
    if (busy) return;
    const answer = progress.answers[question.id];
    if (question.required && !isAnswered(answer)) {
      control.showError(text.errorRequired);
      control.focus();
      return;
    }
    if (typeof answer === "string" && answer.length > MAX_TEXT_LENGTH) {
      control.showError(text.errorTooLong);
      control.focus();
      return;
    }
    const questions = visible();
    const next = questions[questions.findIndex((q) => q.id === question.id) + 1];
    busy = true;
    const label = submit.textContent;
    submit.textContent = text.saving;
    submit.setAttribute("aria-disabled", "true");
    try {
      const result = await saveAnswers(
        { api: options.api, config, definition, progress, language, honeypot: () => honeypotValue },
        !next,
      );
      if (next && result === "saved") {
        show(next, true);
        return;
      }
      progress.finished = true;
      remember();
      showThanks();
      options.onFinished();
    } catch (error) {
      const kind = error instanceof ApiFailure ? error.kind : "unknown";
      if (TERMINAL.has(kind)) {
        options.onFailure(kind);
        return;
      }
      submit.textContent = label;
      submit.removeAttribute("aria-disabled");
      const misplaced = error instanceof ApiFailure ? answerError(error) : null;
      if (misplaced) show(misplaced.question, true, misplaced.message);
      else failed(failureMessage(kind, text));
    } finally {
      busy = false;
    }
  }

  /** The first question a 400 names (`/body/answers/<qid>`), to show its error where it belongs. */
  function answerError(error: ApiFailure): { question: Question; message: string } | null {
    for (const fieldError of error.fieldErrors) {
      const id = /^\/body\/answers\/([^/]+)/.exec(fieldError.pointer)?.[1];
      const question = visible().find((q) => q.id === id);
      if (question) {
        const message = fieldError.code === "required" ? text.errorRequired : text.errorInvalid;
        return { question, message };
      }
    }
    return null;
  }

  if (progress.finished) {
    showThanks();
    return;
  }
  const questions = visible();
  const resumed = questions.find((q) => q.id === progress.questionId) ?? questions[0];
  if (resumed) show(resumed, options.hasFocus());
}
