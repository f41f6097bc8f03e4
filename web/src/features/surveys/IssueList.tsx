import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon";
import type { DefinitionIssue } from "./definition";

/** What still blocks saving, each with a button that brings its question into view. */
export function IssueList({
  issues,
  onShow,
}: {
  issues: DefinitionIssue[];
  onShow: (issue: DefinitionIssue) => void;
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="inline-warning editor-issues">
      <p className="editor-issues__title">
        <Icon name="warning" size={14} />
        {t("surveys.editor.issues", { count: issues.length })}
      </p>
      <ul className="editor-issues__list">
        {issues.map((issue) => (
          <li key={`${issue.index}-${issue.code}`}>
            <button type="button" className="link-button" onClick={() => onShow(issue)}>
              {issue.questionId === null
                ? t("surveys.fields.title")
                : t("surveys.editor.questionN", { n: issue.index + 1 })}
            </button>
            : {t(`surveys.issues.${issue.code}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Scrolls to the question (or the survey texts) and focuses its first field. */
export function showIssue(issue: DefinitionIssue): void {
  const target = document.getElementById(
    issue.questionId === null ? "survey-texts-section" : `question-${issue.questionId}`,
  );
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  target.querySelector<HTMLElement>("input, textarea, select")?.focus({ preventScroll: true });
}
