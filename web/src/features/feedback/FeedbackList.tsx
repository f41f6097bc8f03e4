import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Feedback } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { Icon } from "../../components/Icon";
import { AspectChip, SentimentBadge } from "../text/bits";
import { ChannelTag, RatingChip } from "./bits";
import { languageLabel } from "./labels";

const EXCERPT = 220;

export const excerpt = (text: string) =>
  text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()} …` : text;

/** A customer as the most telling identity at hand. */
export const customerName = (f: Feedback) =>
  f.customer.email ?? f.customerId ?? f.customer.userId ?? f.customer.anonymousId ?? null;

/** Inbox rows as links that keep the filters and open the record beside the list. */
export function FeedbackList({
  items,
  selected,
  busy,
  hasMore,
  loadingMore,
  onMore,
  aspectLabel,
}: {
  items: Feedback[];
  selected: string;
  busy: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** Names aspect keys in the UI language. */
  aspectLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const hrefOf = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set("id", id);
    return `${location.pathname}?${params}`;
  };

  return (
    <>
      <ul className={busy ? "feedback-list feedback-list--busy" : "feedback-list"}>
        {items.map((f) => {
          const who = customerName(f);
          const body = [f.title, f.text].filter(Boolean).join(" – ");
          return (
            <li key={f.id}>
              <Link
                className={f.id === selected ? "feedback-row feedback-row--selected" : "feedback-row"}
                to={hrefOf(f.id)}
                replace
                aria-current={f.id === selected ? "true" : undefined}
              >
                <span className="feedback-row__top">
                  <ChannelTag channel={f.channel} />
                  <DateText value={f.receivedAt} withTime />
                  {f.flagged ? (
                    <span className="flag-mark">
                      <Icon name="flag" size={13} />
                      {t("feedback.flagged")}
                    </span>
                  ) : null}
                  {!f.finished ? <span className="badge">{t("feedback.partial")}</span> : null}
                  {f.enrichment && body ? (
                    <SentimentBadge label={f.enrichment.sentiment} score={f.enrichment.score} />
                  ) : null}
                </span>
                {f.ratings.length > 0 ? (
                  <span className="feedback-row__ratings">
                    {f.ratings.map((r, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: ratings have no id; their order is stable
                      <RatingChip key={i} rating={r} />
                    ))}
                  </span>
                ) : null}
                <span className={body ? "feedback-row__text" : "feedback-row__text muted"}>
                  {body ? excerpt(body) : t("feedback.noText")}
                </span>
                {f.enrichment && f.enrichment.aspects.length > 0 ? (
                  <span className="feedback-row__aspects">
                    {f.enrichment.aspects.map((a) => (
                      <AspectChip key={a.aspect} hit={a} label={aspectLabel(a.aspect)} />
                    ))}
                  </span>
                ) : null}
                <span className="feedback-row__meta">
                  {f.language ? <span>{languageLabel(t, f.language)}</span> : null}
                  {who ? <span className="cell-mono">{who}</span> : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {hasMore ? (
        <button type="button" className="button button--block" disabled={loadingMore} onClick={onMore}>
          {loadingMore ? t("common.loading") : t("feedback.inbox.more")}
        </button>
      ) : null}
    </>
  );
}
