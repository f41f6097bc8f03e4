/**
 * PII redaction for free text before it leaves the system of record (facts store, external
 * providers): e-mail addresses, IBANs (checksum-verified), phone numbers and labelled customer,
 * contract and order numbers become placeholders, so analytics keep the sentence, not the person.
 */
export type PiiKind = "email" | "iban" | "phone" | "reference";

export interface Redaction {
  text: string;
  /** How many of each kind were replaced. */
  found: Partial<Record<PiiKind, number>>;
}

export const PLACEHOLDER: Record<PiiKind, string> = {
  email: "[email]",
  iban: "[iban]",
  phone: "[phone]",
  reference: "[number]",
};

// Local part: RFC 5322 atext and dots; domain: labels and a letter TLD. Every repetition is bounded
// (RFC lengths), so a 100 KB text without an address is scanned in linear time.
const EMAIL =
  /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;
// Country code, two check digits, then 11–30 alphanumerics, optionally grouped by spaces.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
// A label ("Kundennummer", "Vertrags-Nr.", "order no.") followed by an identifier with a digit.
const REFERENCE =
  /\b((?:kunden|vertrags|auftrags|bestell|rechnungs|konto|customer|contract|order|invoice|account)[\s-]*(?:nummer|nr\.?|no\.?|number|id|#)?\s*[:#]?\s*)([A-Z0-9][A-Z0-9-]{0,30}\d[A-Z0-9-]{0,30})/giu;
// International (+49 / 0049) or national (0…) numbers with at least 7 digits in all.
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)?\d[\d ()/.-]{5,24}\d(?![\p{L}\p{N}])/gu;

function validIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, "");
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  // Dates (31.05.2026), times and amounts are not phone numbers; phones start with +, 00 or 0.
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(match.trim())) return false;
  return /^(?:\+|0)/.test(match.trim());
}

export function redactPii(input: string): Redaction {
  const found: Partial<Record<PiiKind, number>> = {};
  const count = (kind: PiiKind) => {
    found[kind] = (found[kind] ?? 0) + 1;
    return PLACEHOLDER[kind];
  };
  let text = input.replace(EMAIL, () => count("email"));
  text = text.replace(IBAN, (m) => (validIban(m) ? count("iban") : m));
  text = text.replace(REFERENCE, (_m, label: string) => `${label}${count("reference")}`);
  text = text.replace(PHONE, (m) => (looksLikePhone(m) ? count("phone") : m));
  return { text, found };
}
