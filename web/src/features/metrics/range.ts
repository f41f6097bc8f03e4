/** A date input's day as the instant its local day starts. */
export function startOfDay(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A date input's day as its last millisecond in local time, for bounds that include `to`. */
export function endOfDay(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - 1).toISOString();
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Berlin";
