import { useTranslation } from "react-i18next";
import type { FeedbackRating } from "../../api/listen";
import { Icon, type IconName } from "../../components/Icon";
import { scoreBand } from "./bands";
import { channelLabel } from "./labels";

const CHANNEL_ICONS: Record<string, IconName> = {
  survey: "clipboard",
  widget: "clipboard",
  survey_link: "link",
  complaint_form: "warning",
  email: "mail",
  chat: "chat",
  app_review: "star",
  web_review: "star",
  social: "globe",
  call_note: "phone",
  phone: "phone",
  letter: "mail",
};

export function ChannelTag({ channel }: { channel: string }) {
  const { t } = useTranslation();
  return (
    <span className="channel-tag">
      <Icon name={CHANNEL_ICONS[channel] ?? "feedback"} size={14} />
      {channelLabel(t, channel)}
    </span>
  );
}

/** A rating as "NPS 9/10", coloured by its score band, with the band spelled out for screen readers. */
export function RatingChip({ rating }: { rating: FeedbackRating }) {
  const { t } = useTranslation();
  const band = scoreBand(rating.metric, rating.value, rating.min, rating.max);
  const text = t("feedback.rating", {
    metric: t(`feedback.ratingMetrics.${rating.metric}`),
    value: rating.value,
    max: rating.max,
  });
  return (
    <span className={`rating-chip rating-chip--${band}`}>
      {text}
      <span className="sr-only"> ({t(`feedback.bands.${band}`)})</span>
    </span>
  );
}
