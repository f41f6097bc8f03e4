import type { Answers, PublicSurvey } from "./types.js";

/** One respondent's progress on one survey in this tab, so a reload continues where it stopped. */
export interface SavedProgress {
  submissionId: string;
  /** The link token this progress belongs to; another link starts afresh. */
  token: string | null;
  responseId: string | null;
  editToken: string | null;
  /** What the server holds, to send only changes. */
  saved: Answers;
  answers: Answers;
  questionId: string | null;
  finished: boolean;
  /** Kept because a single-use link refuses a second GET once the response exists. */
  survey: PublicSurvey | null;
}

const progressKey = (surveyId: string) => `journeylens:survey:${surveyId}`;
const closedKey = (surveyId: string) => `journeylens:closed:${surveyId}`;

// Storage throws when disabled (privacy modes, sandboxed frames); the survey still works without it.
function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not persisted: a reload starts the survey again.
  }
}

export function loadProgress(surveyId: string, token: string | null): SavedProgress | null {
  const raw = read(() => sessionStorage, progressKey(surveyId));
  if (!raw) return null;
  try {
    const progress = JSON.parse(raw) as SavedProgress;
    if (typeof progress.submissionId !== "string" || progress.token !== token) return null;
    return progress;
  } catch {
    return null;
  }
}

export function saveProgress(surveyId: string, progress: SavedProgress): void {
  write(() => sessionStorage, progressKey(surveyId), JSON.stringify(progress));
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, and host pages may be plain http. */
function randomUuid(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newProgress(token: string | null): SavedProgress {
  return {
    submissionId: randomUuid(),
    token,
    responseId: null,
    editToken: null,
    saved: {},
    answers: {},
    questionId: null,
    finished: false,
    survey: null,
  };
}

/** The floating widget stays closed once dismissed or answered. */
export function wasClosed(surveyId: string): boolean {
  return read(() => localStorage, closedKey(surveyId)) !== null;
}

export function rememberClosed(surveyId: string, reason: "dismissed" | "finished"): void {
  write(() => localStorage, closedKey(surveyId), JSON.stringify({ reason, at: new Date().toISOString() }));
}
