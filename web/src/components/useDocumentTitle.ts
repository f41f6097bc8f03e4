import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets `document.title` to "part · part · Journeylens". */
export function useDocumentTitle(...parts: (string | undefined)[]) {
  const { t } = useTranslation();
  const title = [...parts.filter(Boolean), t("app.name")].join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
