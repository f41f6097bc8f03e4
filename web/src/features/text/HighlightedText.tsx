import { useTranslation } from "react-i18next";
import { type Mark, segmentsOf, type TextPart } from "./highlight";

/**
 * One part of the analysed text with its cues tinted by polarity and aspect triggers underlined.
 * User text stays text nodes (never HTML); the marks' meaning is also listed beside the text.
 */
export function HighlightedText({
  part,
  marks,
  aspectLabel,
  className,
}: {
  part: TextPart;
  marks: Mark[];
  aspectLabel: (key: string) => string;
  className?: string;
}) {
  const { t } = useTranslation();
  // Segments tile the part, so where each one starts is a stable key.
  let offset = part.start;
  return (
    <span className={className}>
      {segmentsOf(part, marks).map((s) => {
        const start = offset;
        offset += s.text.length;
        if (!s.tone && s.aspects.length === 0) return s.text;
        const classes = ["hl"];
        if (s.tone) classes.push(`hl--${s.tone}`);
        if (s.aspects.length > 0) classes.push("hl--trigger");
        const title = [s.tone ? t(`text.polarity.${s.tone}`) : "", ...s.aspects.map((a) => aspectLabel(a))]
          .filter(Boolean)
          .join(" · ");
        return (
          <mark
            key={start}
            className={classes.join(" ")}
            title={title}
            data-aspects={s.aspects.join(" ") || undefined}
          >
            {s.text}
          </mark>
        );
      })}
    </span>
  );
}
