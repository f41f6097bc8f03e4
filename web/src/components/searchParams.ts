/** A `setSearchParams` updater that sets one parameter, or drops it when empty, and keeps the others. */
export const withParam =
  (name: string, value: string | null) =>
  (current: URLSearchParams): URLSearchParams => {
    const next = new URLSearchParams(current);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  };

/** The named parameters as strings, "" when absent, so filter state read from the URL is never undefined. */
export const paramValues = <K extends string>(
  params: URLSearchParams,
  names: readonly K[],
): Record<K, string> => Object.fromEntries(names.map((n) => [n, params.get(n) ?? ""])) as Record<K, string>;
