import { useState } from "react";
import type { DraftErrors } from "./draft";

/**
 * A report form: edits stay in a draft until applied, so typing a condition does not run a query per
 * key. `toRequest` checks the draft; with problems nothing is applied and they show at their fields.
 */
export function useDraftForm<D, R>(
  initial: () => D,
  toRequest: (draft: D) => { request: R; errors: DraftErrors },
) {
  const [draft, setDraft] = useState(initial);
  // The initial draft is valid, so the page shows a report on first load.
  const [applied, setApplied] = useState<R | null>(() => {
    const first = toRequest(draft);
    return first.errors.size === 0 ? first.request : null;
  });
  const [errors, setErrors] = useState<DraftErrors>(() => new Map());

  function apply() {
    const next = toRequest(draft);
    setErrors(next.errors);
    if (next.errors.size === 0) setApplied(next.request);
  }

  /** Replaces the draft and applies it at once (a report opened from another one). */
  function load(next: D) {
    setDraft(next);
    const request = toRequest(next);
    setErrors(request.errors);
    if (request.errors.size === 0) setApplied(request.request);
  }

  return { draft, setDraft, applied, errors, apply, load };
}
