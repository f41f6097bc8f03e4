import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";

const FIELD_CODES = [
  "required",
  "invalid_type",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_value",
  "invalid",
] as const;
type FieldCode = (typeof FIELD_CODES)[number];
const isFieldCode = (code: string): code is FieldCode => (FIELD_CODES as readonly string[]).includes(code);

function problemKey(error: unknown) {
  if (!isApiError(error)) return "errors.generic" as const;
  switch (error.status) {
    case 0:
      return "errors.network" as const;
    case 400:
    case 422:
      return "errors.validation" as const;
    case 401:
      return "errors.unauthenticated" as const;
    case 403:
      return "errors.forbidden" as const;
    case 404:
      return "errors.notFound" as const;
    case 409:
      return "errors.conflict" as const;
    case 429:
      return "errors.rateLimited" as const;
    case 503:
      return "errors.unavailable" as const;
    default:
      return "errors.generic" as const;
  }
}

/** Turns API errors into text for the UI language. */
export function useErrorText() {
  const { t } = useTranslation();
  return {
    /** A one-sentence summary of a failed request. */
    problem: (error: unknown): string => t(problemKey(error)),
    /** The server's specific explanation when the summary alone would not say what to change. */
    detail: (error: unknown): string | undefined => {
      if (!isApiError(error)) return undefined;
      if (
        error.status === 409 ||
        ((error.status === 400 || error.status === 422) && error.errors.length === 0)
      ) {
        return error.detail;
      }
      if (error.status >= 500 && error.requestId) return t("errors.requestId", { id: error.requestId });
      return undefined;
    },
    /**
     * The message for one field, matched by JSON pointer (e.g. `/body/name`). Pass the field's value
     * to say "required" instead of a generic message when it was left empty.
     */
    field: (error: unknown, pointer: string, value?: string): string | undefined => {
      if (!isApiError(error)) return undefined;
      const fieldError = error.fieldError(pointer);
      if (!fieldError) return undefined;
      if (value !== undefined && value.trim() === "") return t("fieldErrors.required");
      if (isFieldCode(fieldError.code)) return t(`fieldErrors.${fieldError.code}`);
      return fieldError.message || t("fieldErrors.invalid");
    },
  };
}

/** The server's own message for a field (e.g. an expression's syntax error with its column). */
export function serverFieldMessage(error: unknown, pointer: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const bare = pointer.replace(/^\/body(?=\/|$)/, "");
  const match = error.errors.find((e) => {
    const p = e.pointer.replace(/^\/body(?=\/|$)/, "");
    return p === bare || p.startsWith(`${bare}/`);
  });
  return match?.message || undefined;
}
