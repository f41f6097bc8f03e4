import { useTranslation } from "react-i18next";
import type { AspectHit, Polarity } from "../../api/text";
import { formatScore } from "./format";
import "./text.css";

/** Shapes beside the colours, so polarity never depends on colour alone. */
const GLYPHS: Record<Polarity, string> = { negative: "▼", neutral: "●", positive: "▲" };

/** "▼ negativ −0,62": the overall sentiment of a text, spelled out and coloured. */
export function SentimentBadge({ label, score }: { label: Polarity; score: number | null }) {
  const { t } = useTranslation();
  return (
    <span
      className={`sentiment-badge sentiment-badge--${label}`}
      title={t("text.sentimentTitle", { label: t(`text.polarity.${label}`), score: formatScore(score) })}
    >
      <span aria-hidden="true">{GLYPHS[label]}</span>
      <span className="sr-only">{t("text.sentiment")}: </span>
      {t(`text.polarity.${label}`)}
      {score === null ? null : <span className="sentiment-badge__score">{formatScore(score)}</span>}
    </span>
  );
}

/**
 * An aspect with its polarity ("Wartezeit · negativ"), optionally with the words that triggered
 * it ("· ‘ewig’"). The text is user content: rendered as text nodes only.
 */
export function AspectChip({
  hit,
  label,
  withTriggers = false,
}: {
  hit: Pick<AspectHit, "aspect" | "label" | "triggers">;
  label: string;
  withTriggers?: boolean;
}) {
  const { t } = useTranslation();
  const triggers = [...new Set(hit.triggers.map((tr) => tr.text))];
  return (
    <span className={`aspect-chip aspect-chip--${hit.label}`} data-aspect={hit.aspect}>
      <span aria-hidden="true">{GLYPHS[hit.label]}</span>
      <span className="aspect-chip__name">{label}</span>
      <span className="aspect-chip__sep" aria-hidden="true">
        ·
      </span>
      <span>{t(`text.polarity.${hit.label}`)}</span>
      {withTriggers && triggers.length > 0 ? (
        <>
          <span className="aspect-chip__sep" aria-hidden="true">
            ·
          </span>
          <span className="aspect-chip__triggers">
            {triggers.map((w) => t("text.quoted", { text: w })).join(", ")}
          </span>
        </>
      ) : null}
    </span>
  );
}
