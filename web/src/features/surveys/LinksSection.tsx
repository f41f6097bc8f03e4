import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedSurveyLink, Survey, SurveyLinkInput } from "../../api/listen";
import { CopyField } from "../../components/CopyField";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { endOfDay } from "../metrics/range";
import { useCreateSurveyLink, useSurveyLinks } from "./hooks";

interface HiddenRow {
  key: string;
  value: string;
}

/** Personal links: a customer id and hidden fields travel with the link; the URL is shown once. */
export function LinksSection({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const links = useSurveyLinks(workspaceId, survey.id);
  const create = useCreateSurveyLink(workspaceId, survey.id);
  const [customerId, setCustomerId] = useState("");
  const [language, setLanguage] = useState("");
  const [singleUse, setSingleUse] = useState(true);
  const [expires, setExpires] = useState("");
  const [hidden, setHidden] = useState<HiddenRow[]>([]);
  const [created, setCreated] = useState<CreatedSurveyLink | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const body: SurveyLinkInput = { singleUse };
    if (customerId.trim()) body.customerId = customerId.trim();
    if (language === "de" || language === "en") body.language = language;
    const expiresAt = expires ? endOfDay(expires) : undefined;
    if (expiresAt) body.expiresAt = expiresAt;
    const fields = hidden.filter((h) => h.key.trim());
    if (fields.length > 0) body.hidden = Object.fromEntries(fields.map((h) => [h.key.trim(), h.value]));
    create.mutate(body, { onSuccess: setCreated });
  }

  return (
    <section className="editor-section" aria-labelledby="dist-links">
      <h2 className="section__title" id="dist-links">
        {t("surveys.links.title")}
      </h2>
      <p className="section__intro">{t("surveys.links.intro")}</p>
      <form className="form link-form" onSubmit={onSubmit} noValidate>
        <div className="form-row">
          <TextField
            label={t("surveys.links.customerId")}
            value={customerId}
            optional={t("common.optional")}
            onChange={(e) => setCustomerId(e.target.value)}
            error={serverFieldMessage(create.error, "/body/customerId")}
          />
          <SelectField
            label={t("surveys.links.language")}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="">{t("surveys.links.languageAuto")}</option>
            <option value="de">{t("surveys.languages.de")}</option>
            <option value="en">{t("surveys.languages.en")}</option>
          </SelectField>
          <TextField
            label={t("surveys.links.expiresAt")}
            type="date"
            value={expires}
            optional={t("common.optional")}
            onChange={(e) => setExpires(e.target.value)}
            error={serverFieldMessage(create.error, "/body/expiresAt")}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={singleUse} onChange={(e) => setSingleUse(e.target.checked)} />
          <span>
            <span className="checkbox__label">{t("surveys.links.singleUse")}</span>
            <span className="checkbox__hint">{t("surveys.links.singleUseHint")}</span>
          </span>
        </label>
        <fieldset className="fieldset">
          <legend className="field__label">{t("surveys.links.hidden")}</legend>
          <p className="field__hint">{t("surveys.links.hiddenHint")}</p>
          <ul className="hidden-fields">
            {hidden.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited
              <li key={i} className="hidden-fields__row">
                <input
                  className="input input--mono"
                  aria-label={t("surveys.links.hiddenKey", { n: i + 1 })}
                  placeholder="orderId"
                  value={row.key}
                  onChange={(e) =>
                    setHidden(hidden.map((h, j) => (j === i ? { ...h, key: e.target.value } : h)))
                  }
                />
                <input
                  className="input"
                  aria-label={t("surveys.links.hiddenValue", { n: i + 1 })}
                  value={row.value}
                  onChange={(e) =>
                    setHidden(hidden.map((h, j) => (j === i ? { ...h, value: e.target.value } : h)))
                  }
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("surveys.links.hiddenRemove", { n: i + 1 })}
                  title={t("surveys.links.hiddenRemove", { n: i + 1 })}
                  onClick={() => setHidden(hidden.filter((_, j) => j !== i))}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setHidden([...hidden, { key: "", value: "" }])}
          >
            <Icon name="plus" size={14} />
            {t("surveys.links.hiddenAdd")}
          </button>
        </fieldset>
        <ErrorAlert error={create.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            <Icon name="link" size={16} />
            {create.isPending ? t("surveys.links.creating") : t("surveys.links.create")}
          </button>
        </div>
      </form>
      {created ? (
        <div className="created-link">
          <p className="alert alert--warning">
            <Icon name="warning" className="alert__icon" />
            <span>{t("surveys.links.shownOnce")}</span>
          </p>
          <CopyField label={t("surveys.links.url")} value={created.url} />
        </div>
      ) : null}
      {links.isError ? <ErrorAlert error={links.error} /> : null}
      {links.data && links.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="sr-only">{t("surveys.links.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.links.customerId")}</th>
                <th scope="col">{t("surveys.links.hidden")}</th>
                <th scope="col">{t("surveys.links.created")}</th>
                <th scope="col">{t("surveys.links.expiresAt")}</th>
                <th scope="col">{t("surveys.links.used")}</th>
              </tr>
            </thead>
            <tbody>
              {links.data.map((link) => (
                <tr key={link.id}>
                  <td className="cell-mono">{link.customerId ?? <span className="muted">–</span>}</td>
                  <td className="cell-mono">
                    {Object.entries(link.hidden ?? {})
                      .map(([k, v]) => `${k}=${v}`)
                      .join(", ") || <span className="muted">–</span>}
                  </td>
                  <td>
                    <DateText value={link.createdAt} withTime />
                  </td>
                  <td>
                    {link.expiresAt ? <DateText value={link.expiresAt} /> : <span className="muted">–</span>}
                  </td>
                  <td>
                    {link.usedAt ? (
                      <DateText value={link.usedAt} withTime />
                    ) : (
                      <span className="muted">
                        {link.singleUse ? t("surveys.links.unused") : t("surveys.links.reusable")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
