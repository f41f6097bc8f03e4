const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export const DATE_FORMATS_HELP =
  "ISO 8601 (2024-05-31, 2024-05-31T14:30:00Z, 2024-05-31 14:30), M/D/YYYY H:mm:ss (5/31/2024 2:30:00 PM) or D.M.YYYY H:mm (31.5.2024 14:30); times without an offset are UTC";

/** A UTC instant from parts, or null when any part is out of range (31 February, 25 o'clock). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | null {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  return valid ? date : null;
}

const n = (s: string | undefined) => (s === undefined ? 0 : Number(s));

/** Parses a date cell in one of the accepted formats (DATE_FORMATS_HELP); null when it is none. */
export function parseDateCell(cell: string): Date | null {
  const s = cell.trim();
  let m = ISO.exec(s);
  if (m) {
    const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
    const local = utc(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), ms);
    if (!local || !m[8] || m[8].toUpperCase() === "Z") return local;
    const offset = m[8].replace(":", "");
    const minutes = (offset[0] === "-" ? -1 : 1) * (n(offset.slice(1, 3)) * 60 + n(offset.slice(3, 5)));
    if (n(offset.slice(1, 3)) > 23 || n(offset.slice(3, 5)) > 59) return null;
    return new Date(local.getTime() - minutes * 60_000);
  }
  m = US.exec(s);
  if (m) {
    let hour = n(m[4]);
    if (m[7]) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (m[7].toUpperCase() === "PM" ? 12 : 0);
    }
    return utc(n(m[3]), n(m[1]), n(m[2]), hour, n(m[5]), n(m[6]));
  }
  m = GERMAN.exec(s);
  if (m) return utc(n(m[3]), n(m[2]), n(m[1]), n(m[4]), n(m[5]), n(m[6]));
  return null;
}
