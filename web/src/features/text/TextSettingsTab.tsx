import { useTranslation } from "react-i18next";
import type { Workspace } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loading } from "../../components/Loading";
import { canManageWorkspace } from "../workspaces/context";
import { AnalyzePlayground } from "./AnalyzePlayground";
import { canWrite } from "./access";
import { useTaxonomy } from "./hooks";
import { ProviderSettingsForm } from "./ProviderSettingsForm";
import { TaxonomyEditor } from "./TaxonomyEditor";

/** The settings tab: the aspect taxonomy, a box to try the analysis, and the engine. */
export function TextSettingsTab({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy(workspace.id);
  return (
    <div className="text-settings">
      <AnalyzePlayground workspaceId={workspace.id} />
      <section className="section" aria-labelledby="taxonomy-title">
        <div className="section__header">
          <div>
            <h2 className="section__title" id="taxonomy-title">
              {t("text.taxonomy.title")}
            </h2>
            <p className="section__intro">{t("text.taxonomy.intro")}</p>
          </div>
        </div>
        {taxonomy.isPending ? (
          <Loading />
        ) : taxonomy.isError ? (
          <ErrorAlert error={taxonomy.error} />
        ) : (
          <TaxonomyEditor
            workspaceId={workspace.id}
            doc={taxonomy.data}
            reload={async () => (await taxonomy.refetch()).data}
            readOnly={!canWrite(workspace)}
          />
        )}
      </section>
      <ProviderSettingsForm workspaceId={workspace.id} canEdit={canManageWorkspace(workspace)} />
    </div>
  );
}
