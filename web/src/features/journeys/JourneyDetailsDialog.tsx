import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JourneyDocument } from "../../api/journey-design";
import { Dialog } from "../../components/Dialog";
import { TextAreaField } from "../../components/Field";
import { cleanList, ListEditor } from "../../components/ListEditor";
import { type KpiDraft, type KpiDraftError, kpiDraft, kpisFromDrafts } from "./document";
import { KpiEditor } from "./KpiEditor";
import { JourneyMetaFields, type MetaValues } from "./meta";

/** Edits the journey's header fields in the draft; they are saved with the map. */
export function JourneyDetailsDialog({
  workspaceId,
  doc,
  onClose,
  onApply,
}: {
  workspaceId: string;
  doc: JourneyDocument;
  onClose: () => void;
  onApply: (patch: Partial<JourneyDocument>) => void;
}) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<MetaValues>({
    title: doc.title,
    scenario: doc.scenario,
    personaId: doc.personaId,
    ownerId: doc.ownerId,
    status: doc.status,
  });
  const [description, setDescription] = useState(doc.description);
  const [goals, setGoals] = useState(doc.goals);
  const [missingTitle, setMissingTitle] = useState(false);
  const [performance, setPerformance] = useState<KpiDraft[]>(() => doc.kpis.performance.map(kpiDraft));
  const [brand, setBrand] = useState<KpiDraft[]>(() => doc.kpis.brand.map(kpiDraft));
  const [kpiErrors, setKpiErrors] = useState<{
    performance: Map<number, KpiDraftError>;
    brand: Map<number, KpiDraftError>;
  }>({ performance: new Map(), brand: new Map() });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values.title.trim()) {
      setMissingTitle(true);
      titleRef.current?.focus();
      return;
    }
    const performanceKpis = kpisFromDrafts(performance);
    const brandKpis = kpisFromDrafts(brand);
    if (performanceKpis.errors.size > 0 || brandKpis.errors.size > 0) {
      setKpiErrors({ performance: performanceKpis.errors, brand: brandKpis.errors });
      const form = event.currentTarget;
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>(".kpi-editor [aria-invalid='true']")?.focus(),
      );
      return;
    }
    onApply({
      kpis: { performance: performanceKpis.kpis, brand: brandKpis.kpis },
      ...values,
      title: values.title.trim(),
      scenario: values.scenario.trim(),
      description: description.trim(),
      goals: cleanList(goals),
    });
    onClose();
  }

  return (
    <Dialog
      title={t("journeys.details.title")}
      description={t("journeys.details.description")}
      onClose={onClose}
      initialFocusRef={titleRef}
      size="wide"
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        {missingTitle ? (
          <p className="field__error" role="alert">
            {t("journeys.details.titleRequired")}
          </p>
        ) : null}
        <JourneyMetaFields
          workspaceId={workspaceId}
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={null}
          titleRef={titleRef}
          submitted={false}
        />
        <TextAreaField
          label={t("journeys.fields.description")}
          optional={t("common.optional")}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <ListEditor
          label={t("journeys.fields.goals")}
          values={goals}
          onChange={setGoals}
          addLabel={t("journeys.details.addGoal")}
        />
        <p className="field__hint">{t("journeys.kpis.editor.hint")}</p>
        <KpiEditor
          label={t("journeys.kpis.editor.performance")}
          rows={performance}
          errors={kpiErrors.performance}
          onChange={setPerformance}
        />
        <KpiEditor
          label={t("journeys.kpis.editor.brand")}
          rows={brand}
          errors={kpiErrors.brand}
          onChange={setBrand}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary">
            {t("journeys.details.apply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
