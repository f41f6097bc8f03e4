/** Same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The URL itself: the test user connects to its own database to create and drop others. */
export const adminUrl = (url: string): string => url;
