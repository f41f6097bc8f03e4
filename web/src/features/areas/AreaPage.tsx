import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";

export type Area = "journeys" | "touchpoints" | "personas" | "analytics" | "cases" | "roadmap";

/** A feature area that is not built yet: its header and what it will do, nothing more. */
export function AreaPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t(`areas.${area}.title`), workspace.name);
  return (
    <div className="page">
      <PageHeader title={t(`areas.${area}.title`)} description={t(`areas.${area}.description`)} />
      <EmptyState icon={area} title={t(`areas.${area}.emptyTitle`)} body={t(`areas.${area}.emptyBody`)} />
    </div>
  );
}
