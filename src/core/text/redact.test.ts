import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactPii } from "./redact.js";

describe("redactPii", () => {
  it.each([
    ["Bitte an anna.berger@example.com antworten", "Bitte an [email] antworten", "email"],
    ["Mail me at j.doe+cx@mail.co.uk, thanks", "Mail me at [email], thanks", "email"],
    ["IBAN DE89 3704 0044 0532 0130 00 bitte erstatten", "IBAN [iban] bitte erstatten", "iban"],
    ["refund to GB82WEST12345698765432 please", "refund to [iban] please", "iban"],
    ["Rufen Sie mich unter 0171 2345678 an", "Rufen Sie mich unter [phone] an", "phone"],
    ["call +49 (30) 123 456-78 tomorrow", "call [phone] tomorrow", "phone"],
    [
      "Meine Kundennummer: K-10042 steht auf der Rechnung",
      "Meine Kundennummer: [number] steht auf der Rechnung",
      "reference",
    ],
    ["Vertrags-Nr. 4711-0815 gekündigt", "Vertrags-Nr. [number] gekündigt", "reference"],
    ["order no. A123456 never arrived", "order no. [number] never arrived", "reference"],
  ])("%s", (input, expected, kind) => {
    const result = redactPii(input);
    expect(result.text).toBe(expected);
    expect(result.found[kind as keyof typeof result.found]).toBe(1);
  });

  it.each([
    "Termin am 31.05.2026 um 14:30 wurde verschoben",
    "It cost 129.99 EUR and took 3 weeks",
    "DE89 3704 0044 0532 0130 01 is not a valid IBAN (checksum)",
    "Lieferung in 2-3 Tagen, Paket 1 von 2",
    "Die Bestellung kam nicht an",
  ])("leaves text without PII alone: %s", (input) => {
    expect(redactPii(input)).toEqual({ text: input, found: {} });
  });

  it("never throws and never lets an e-mail address through, on arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.emailAddress(), (noise, email) => {
        const { text } = redactPii(`${noise} ${email} ${noise}`);
        expect(text.includes(email)).toBe(false);
      }),
    );
    expect(redactPii(`${"x".repeat(100_000)}\u0000\ud800`).text).toHaveLength(100_002);
  });
});
