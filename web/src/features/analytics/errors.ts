import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import type { DraftErrors } from "./draft";

const bare = (pointer: string) => pointer.replace(/^\/body(?=\/|$)/, "");

/**
 * The message for one field: the form's own check first, else the API's `errors[]` entry whose pointer
 * is the field's or lies below it (`/body/steps/1/where`). `exact` skips entries below it, for a row
 * whose parts show their own.
 */
export function useFieldMessage(apiError: unknown, draftErrors: DraftErrors) {
  const { t } = useTranslation();
  return (pointer: string, exact = false): string | undefined => {
    const own = draftErrors.get(pointer);
    if (own) return t(`analytics.errors.${own}`);
    if (!isApiError(apiError)) return undefined;
    const p = bare(pointer);
    const match = apiError.errors.find((e) => {
      const q = bare(e.pointer);
      return q === p || (!exact && q.startsWith(`${p}/`));
    });
    return match ? match.message || t("fieldErrors.invalid") : undefined;
  };
}

/** The API's field errors that no field of the form shows, so they are listed with the summary. */
export function unclaimedErrors(apiError: unknown, fieldPrefixes: readonly string[]): string[] {
  if (!isApiError(apiError)) return [];
  const prefixes = fieldPrefixes.map(bare);
  return apiError.errors
    .filter((e) => {
      const q = bare(e.pointer);
      return !prefixes.some((p) => q === p || q.startsWith(`${p}/`));
    })
    .map((e) => (e.pointer ? `${bare(e.pointer)}: ${e.message}` : e.message));
}
