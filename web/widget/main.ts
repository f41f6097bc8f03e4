import { respondentApi } from "./api.js";
import { readConfig } from "./config.js";
import { mountPage } from "./page.js";
import { mountWidget, type WidgetController } from "./widget.js";

interface JourneylensGlobal {
  /** Opens the survey of this id, or the first one on the page. */
  open(surveyId?: string): Promise<void>;
  close(surveyId?: string): void;
  widgets: WidgetController[];
}

declare global {
  interface Window {
    Journeylens?: JourneylensGlobal;
  }
}

function globalApi(): JourneylensGlobal {
  if (window.Journeylens) return window.Journeylens;
  const widgets: WidgetController[] = [];
  const find = (surveyId?: string) => widgets.find((w) => surveyId === undefined || w.surveyId === surveyId);
  const api: JourneylensGlobal = {
    widgets,
    open: async (surveyId) => find(surveyId)?.open(true),
    close: (surveyId) => find(surveyId)?.close(),
  };
  window.Journeylens = api;
  return api;
}

// currentScript is only set while this classic script runs, so it is read first thing.
const script =
  document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : document.querySelector<HTMLScriptElement>("script[data-survey][src*='widget.js']");
const config = script ? readConfig(script) : null;

if (!config) {
  console.warn("Journeylens: the widget script needs a data-survey attribute with the survey id.");
} else {
  const api = respondentApi(config.origin);
  if (config.mode === "page") {
    const run = () => void mountPage(config, api);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
    else run();
  } else {
    const run = () => globalApi().widgets.push(mountWidget(config, api));
    if (document.body) run();
    else document.addEventListener("DOMContentLoaded", run, { once: true });
  }
}
