import type { Answer, Answers, Language, PublicSurvey } from "./types.js";

/** Why a request failed, as far as the respondent needs to know. */
export type FailureKind =
  | "link_used"
  | "closed"
  | "expired"
  | "not_found"
  | "too_many"
  | "duplicate_submission"
  | "response_finished"
  | "invalid"
  | "network"
  | "unknown";

export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    /** Field errors of a 400, pointers like `/body/answers/<qid>`. */
    readonly fieldErrors: { pointer: string; code: string; message: string }[] = [],
  ) {
    super(`${kind} (${status})`);
    this.name = "ApiFailure";
  }
}

interface Problem {
  code?: unknown;
  reason?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function fieldErrorsOf(problem: Problem): ApiFailure["fieldErrors"] {
  if (!Array.isArray(problem.errors)) return [];
  return problem.errors.filter(
    (e): e is { pointer: string; code: string; message: string } =>
      typeof e === "object" && e !== null && typeof (e as { pointer?: unknown }).pointer === "string",
  );
}

/** The specific reason may sit in `code`, in a field error's code or in an extra member. */
function classify(status: number, problem: Problem): FailureKind {
  const fieldErrors = fieldErrorsOf(problem);
  const codes = [problem.code, problem.reason, ...fieldErrors.map((e) => e.code)].filter(
    (c): c is string => typeof c === "string",
  );
  const has = (code: string) => codes.includes(code);
  if (has("link_used")) return "link_used";
  if (has("duplicate_submission")) return "duplicate_submission";
  if (has("response_finished")) return "response_finished";
  if (status === 410) return has("link_expired") || has("expired") ? "expired" : "closed";
  if (has("survey_closed")) return "closed";
  if (status === 429) return "too_many";
  if (status === 404) return "not_found";
  if (status === 400) return "invalid";
  return "unknown";
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    // No cookies: the respondent API is public and CORS `*`.
    response = await fetch(url, { ...init, credentials: "omit", mode: "cors" });
  } catch {
    throw new ApiFailure("network", 0);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const problem = (typeof body === "object" && body !== null ? body : {}) as Problem;
    throw new ApiFailure(classify(response.status, problem), response.status, fieldErrorsOf(problem));
  }
  return body as T;
}

export interface CreateResponseBody {
  submissionId: string;
  answers: Answers;
  finished: boolean;
  language: Language;
  token?: string;
  hidden?: Record<string, string>;
  website: string;
  pageUrl?: string;
}

/** The respondent API at the origin the widget script came from. */
export function respondentApi(origin: string) {
  const base = `${origin}/api/public/v1`;
  const json = { "Content-Type": "application/json" };
  return {
    getSurvey(surveyId: string, query: { token?: string; language?: Language }): Promise<PublicSurvey> {
      const params = new URLSearchParams();
      if (query.token) params.set("t", query.token);
      if (query.language) params.set("lang", query.language);
      const search = params.toString() ? `?${params}` : "";
      return request(`${base}/surveys/${encodeURIComponent(surveyId)}${search}`, { method: "GET" });
    },
    createResponse(
      surveyId: string,
      body: CreateResponseBody,
    ): Promise<{ id: string; editToken: string; finished: boolean }> {
      return request(`${base}/surveys/${encodeURIComponent(surveyId)}/responses`, {
        method: "POST",
        headers: json,
        body: JSON.stringify(body),
      });
    },
    updateResponse(
      responseId: string,
      editToken: string,
      body: { answers?: Record<string, Answer | null>; finished?: boolean },
    ): Promise<{ id: string; finished: boolean }> {
      return request(`${base}/responses/${encodeURIComponent(responseId)}`, {
        method: "PATCH",
        headers: { ...json, "X-Edit-Token": editToken },
        body: JSON.stringify(body),
      });
    },
  };
}

export type RespondentApi = ReturnType<typeof respondentApi>;
