import { useTranslation } from "react-i18next";
import type { SurveyStatus } from "../../api/listen";

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return <span className={`survey-status survey-status--${status}`}>{t(`surveys.statuses.${status}`)}</span>;
}
