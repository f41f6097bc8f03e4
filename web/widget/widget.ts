import type { RespondentApi } from "./api.js";
import type { WidgetConfig } from "./config.js";
import { h } from "./dom.js";
import { localized, strings } from "./i18n.js";
import { type Loaded, loadSurvey } from "./load.js";
import { rememberClosed, wasClosed } from "./session.js";
import { attachStyledShadow, focusInside, pageHasFocus } from "./shadow.js";
import { failureMessage, showSurvey } from "./survey-view.js";

export type WidgetEvent = "ready" | "open" | "close" | "finished" | "error";

/** Host pages listen on window, e.g. `addEventListener("journeylens:finished", …)`. */
export function emit(event: WidgetEvent, detail: Record<string, unknown>): void {
  window.dispatchEvent(new CustomEvent(`journeylens:${event}`, { detail }));
}

export interface WidgetController {
  surveyId: string;
  /** Opens even after a dismissal; focus moves in when asked (a "give feedback" button) or when free. */
  open(takeFocus: boolean): Promise<void>;
  close(): void;
}

/** Widget mode: a floating, non-modal dialog card that opens after a delay unless dismissed before. */
export function mountWidget(config: WidgetConfig, api: RespondentApi): WidgetController {
  const { surveyId } = config;
  let loading: Promise<Loaded> | null = null;
  let host: HTMLElement | null = null;
  let returnFocus: HTMLElement | null = null;
  let finished = false;

  const load = () => {
    loading ??= loadSurvey(config, api);
    return loading;
  };

  function close(): void {
    if (!host) return;
    const root = host.shadowRoot;
    const hadFocus = root ? focusInside(root) : false;
    host.remove();
    host = null;
    rememberClosed(surveyId, finished ? "finished" : "dismissed");
    if (hadFocus) returnFocus?.focus();
    emit("close", { surveyId });
  }

  async function open(takeFocus: boolean): Promise<void> {
    if (host) return;
    const loaded = await load();
    if (loaded.kind === "failed") {
      emit("error", { surveyId, reason: loaded.failure });
      return;
    }
    if (host) return;
    const text = strings(loaded.language);
    const title = h(
      "h2",
      { class: "title", id: "jl-title" },
      localized(loaded.survey.definition.title, loaded.language) || text.survey,
    );
    const closeButton = h(
      "button",
      { type: "button", class: "close", "aria-label": text.close },
      h("span", { "aria-hidden": "true" }, "×"),
    );
    const body = h("div", { class: "body" });
    const position = loaded.survey.settings.widget?.position ?? "bottom-right";
    const card = h(
      "div",
      {
        class: `card card--widget card--${position}`,
        role: "dialog",
        "aria-labelledby": title.id,
        lang: loaded.language,
        tabindex: -1,
      },
      h("div", { class: "header" }, title, closeButton),
      body,
    );
    closeButton.addEventListener("click", close);
    card.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        close();
      }
    });
    // A custom element name keeps host-page rules for div and friends off the host.
    host = document.createElement("journeylens-survey");
    host.dataset.survey = surveyId;
    const root = attachStyledShadow(host);
    root.append(card);
    document.body.append(host);
    showSurvey({
      config,
      api,
      survey: loaded.survey,
      progress: loaded.progress,
      language: loaded.language,
      body,
      hasFocus: () => focusInside(root),
      onFinished: () => {
        finished = true;
        rememberClosed(surveyId, "finished");
        emit("finished", { surveyId, responseId: loaded.progress.responseId });
      },
      onFailure: (kind) => {
        body.replaceChildren(h("p", { class: "failure", role: "alert" }, failureMessage(kind, text)));
        emit("error", { surveyId, reason: kind });
      },
    });
    // Unasked, take focus only from nobody: a visitor typing into the host page keeps their place.
    if (takeFocus || !pageHasFocus()) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      card.focus();
    }
    emit("open", { surveyId });
  }

  async function start(): Promise<void> {
    if (wasClosed(surveyId)) return;
    const loaded = await load();
    if (loaded.kind === "failed") {
      emit("error", { surveyId, reason: loaded.failure });
      return;
    }
    emit("ready", { surveyId });
    if (loaded.kind === "finished") return;
    const delay = config.delaySeconds ?? loaded.survey.settings.widget?.delaySeconds ?? 0;
    setTimeout(() => void open(false), delay * 1000);
  }

  void start();
  return { surveyId, open, close };
}
