import { useTranslation } from "react-i18next";
import { FilterSelect } from "../../components/Filters";
import { useJourneys } from "../journeys/hooks";
import { useSurveys } from "../surveys/hooks";
import { useTouchpoints } from "../touchpoints/hooks";

export type LinkFilter = "surveyId" | "touchpointId" | "journeyId";

/** The survey, touchpoint and journey selects of a `filter-bar`; the inbox and the metrics filter by the same links. */
export function LinkFilters({
  workspaceId,
  values,
  onChange,
}: {
  workspaceId: string;
  values: Record<LinkFilter, string>;
  onChange: (name: LinkFilter, value: string) => void;
}) {
  const { t } = useTranslation();
  const surveys = useSurveys(workspaceId);
  const touchpoints = useTouchpoints(workspaceId);
  const journeys = useJourneys(workspaceId);
  return (
    <>
      <FilterSelect
        label={t("feedback.fields.survey")}
        value={values.surveyId}
        onChange={(v) => onChange("surveyId", v)}
        options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      <FilterSelect
        label={t("feedback.fields.touchpoint")}
        value={values.touchpointId}
        onChange={(v) => onChange("touchpointId", v)}
        options={(touchpoints.data ?? []).map((tp) => ({ value: tp.id, label: tp.name }))}
      />
      <FilterSelect
        label={t("feedback.fields.journey")}
        value={values.journeyId}
        onChange={(v) => onChange("journeyId", v)}
        options={(journeys.data ?? []).map((j) => ({ value: j.id, label: j.title }))}
      />
    </>
  );
}
