import type { RespondentApi } from "./api.js";
import type { WidgetConfig } from "./config.js";
import { h } from "./dom.js";
import { localized, strings } from "./i18n.js";
import { loadSurvey } from "./load.js";
import { attachStyledShadow, focusInside } from "./shadow.js";
import { failureMessage, showSurvey } from "./survey-view.js";

/** Page mode: the hosted survey page's full-width card in `<main id="journeylens-survey">`. */
export async function mountPage(config: WidgetConfig, api: RespondentApi): Promise<void> {
  let host = document.getElementById("journeylens-survey");
  if (!host) {
    host = h("main", { id: "journeylens-survey" });
    document.body.append(host);
  }
  const root = attachStyledShadow(host);
  const initial = strings(config.preferredLanguage ?? "de");
  const title = h("h1", { class: "title", id: "jl-title" }, initial.survey);
  const body = h("div", { class: "body" }, h("p", { class: "loading", role: "status" }, initial.loading));
  root.append(h("section", { class: "card card--page", "aria-labelledby": title.id }, title, body));

  const loaded = await loadSurvey(config, api);
  document.documentElement.lang = loaded.language;
  const text = strings(loaded.language);
  if (loaded.kind === "failed") {
    title.textContent = text.survey;
    document.title = text.survey;
    body.replaceChildren(h("p", { class: "failure", role: "alert" }, failureMessage(loaded.failure, text)));
    return;
  }
  const surveyTitle = localized(loaded.survey.definition.title, loaded.language) || text.survey;
  title.textContent = surveyTitle;
  document.title = surveyTitle;
  showSurvey({
    config,
    api,
    survey: loaded.survey,
    progress: loaded.progress,
    language: loaded.language,
    body,
    hasFocus: () => focusInside(root),
    onFinished: () => undefined,
    onFailure: (kind) =>
      body.replaceChildren(h("p", { class: "failure", role: "alert" }, failureMessage(kind, text))),
  });
}
