import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { STANDARD_CHANNELS, type TouchpointKind } from "../../api/journey-design";
import { Icon } from "../../components/Icon";

/** Direct, indirect and hidden touchpoints look different at a glance; hidden ones get a dashed outline. */
export function KindBadge({ kind, compact = false }: { kind: TouchpointKind; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`kind-badge kind-badge--${kind}${compact ? " kind-badge--compact" : ""}`}>
      {kind === "hidden" ? <Icon name="eyeOff" size={12} /> : <span className="kind-badge__dot" />}
      {t(`touchpoints.kinds.${kind}`)}
    </span>
  );
}

/** The internal rating as five stars filled to the value, with the number for exactness. */
export function RatingStars({ value, label }: { value: number | null; label?: string }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">–</span>;
  const text = t("touchpoints.ratingValue", { value: formatRating(value) });
  return (
    <span className="rating" role="img" aria-label={label ? `${label}: ${text}` : text}>
      <span className="rating__stars" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className="rating__star">
            <Icon name="star" size={13} />
            <span
              className="rating__fill"
              style={{ width: `${Math.round(Math.max(0, Math.min(1, value - n + 1)) * 100)}%` }}
            >
              <Icon name="star" size={13} filled />
            </span>
          </span>
        ))}
      </span>
      <span className="rating__value" aria-hidden="true">
        {formatRating(value)}
      </span>
    </span>
  );
}

export const formatRating = (value: number) =>
  new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

type TFn = TFunction;

/** Standard channels are translated; custom ones are shown as they are. */
export function channelName(t: TFn, channel: string): string {
  const standard = STANDARD_CHANNELS.find((c) => c === channel);
  return standard ? t(`channels.${standard}`) : channel;
}

/** Suggestions for a channel input: the standard channels and those already in use. */
export function ChannelDatalist({ id, used }: { id: string; used: string[] }) {
  const { t } = useTranslation();
  return (
    <datalist id={id}>
      {[...new Set([...STANDARD_CHANNELS, ...used])].map((c) => (
        <option key={c} value={c}>
          {channelName(t, c)}
        </option>
      ))}
    </datalist>
  );
}
