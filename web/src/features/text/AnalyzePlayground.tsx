import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { AnalysisDetails } from "./AnalysisDetails";
import { HighlightedText } from "./HighlightedText";
import { marksOf } from "./highlight";
import { useAnalyze, useAspectLabel } from "./hooks";

const MAX_CHARS = 20_000;

/** "Try it": analyses a text with the workspace's taxonomy and shows what decided; nothing is stored. */
export function AnalyzePlayground({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [language, setLanguage] = useState<"" | "de" | "en">("");
  const analyze = useAnalyze(workspaceId);
  const aspectLabel = useAspectLabel(workspaceId);
  // The text the shown result belongs to: offsets refer to it, not to later edits.
  const [analysed, setAnalysed] = useState("");
  const result = analyze.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const submitted = text;
    analyze.mutate(
      { text: submitted, language: language || undefined },
      { onSuccess: () => setAnalysed(submitted) },
    );
  }

  return (
    <section className="section playground" aria-labelledby="playground-title">
      <h2 className="section__title" id="playground-title">
        {t("text.playground.title")}
      </h2>
      <p className="section__intro">{t("text.playground.intro")}</p>
      <form className="playground__form" onSubmit={submit}>
        <TextAreaField
          label={t("text.playground.text")}
          value={text}
          maxLength={MAX_CHARS}
          rows={3}
          placeholder={t("text.playground.placeholder")}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="playground__actions">
          <SelectField
            label={t("text.insight.language")}
            value={language}
            onChange={(e) =>
              setLanguage(e.target.value === "de" || e.target.value === "en" ? e.target.value : "")
            }
          >
            <option value="">{t("text.playground.detect")}</option>
            <option value="de">{t("text.languages.de")}</option>
            <option value="en">{t("text.languages.en")}</option>
          </SelectField>
          <button
            type="submit"
            className="button button--primary"
            disabled={analyze.isPending || !text.trim()}
          >
            <Icon name="search" size={16} />
            {t("text.playground.analyze")}
          </button>
        </div>
      </form>
      <ErrorAlert error={analyze.error} />
      {result && analysed ? (
        <div className="playground__result" aria-live="polite">
          <p className="feedback-detail__text text-insight__text" data-testid="playground-text">
            <HighlightedText
              part={{ field: "text", value: analysed, start: 0 }}
              marks={marksOf(result.clauses, result.aspects)}
              aspectLabel={aspectLabel}
            />
          </p>
          <AnalysisDetails
            analysis={result}
            marks={marksOf(result.clauses, result.aspects)}
            aspectLabel={aspectLabel}
            titleId="playground-result-title"
          />
        </div>
      ) : null}
    </section>
  );
}
