import { z } from "zod";

export const PROVIDER_TIMEOUT_MS = { min: 500, max: 30_000, default: 5_000 } as const;

const ZTimeout = z
  .number()
  .int("a whole number of milliseconds")
  .min(PROVIDER_TIMEOUT_MS.min, `at least ${PROVIDER_TIMEOUT_MS.min} ms`)
  .max(PROVIDER_TIMEOUT_MS.max, `at most ${PROVIDER_TIMEOUT_MS.max} ms`);
const ZProviderUrl = z
  .url({ protocol: /^https?$/, error: "an http or https URL, e.g. https://nlp.example.com/analyze" })
  .max(2000);

/** `PATCH /text/settings` body. `apiKey` is write-only: omitted keeps the saved key, null removes it. */
export const ZUpdateTextSettings = z.object({
  provider: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("builtin") }),
      z.object({
        kind: z.literal("http"),
        url: ZProviderUrl,
        apiKey: z.string().trim().min(1).max(1000).nullable().optional(),
        timeoutMs: ZTimeout.default(PROVIDER_TIMEOUT_MS.default),
      }),
    ],
    { error: 'kind is "builtin" or "http"' },
  ),
});
export type TUpdateTextSettings = z.input<typeof ZUpdateTextSettings>;

/** The provider as stored in `text_settings.provider` (with the key; never sent to clients). */
export const ZStoredProvider = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin") }),
  z.object({ kind: z.literal("http"), url: z.string(), apiKey: z.string().optional(), timeoutMs: ZTimeout }),
]);
export type StoredProvider = z.infer<typeof ZStoredProvider>;
export type HttpProviderSettings = Extract<StoredProvider, { kind: "http" }>;

export const ZTextSettings = z.object({
  provider: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("builtin") }),
    z.object({
      kind: z.literal("http"),
      url: z.string(),
      hasApiKey: z.boolean(),
      timeoutMs: z.number().int(),
    }),
  ]),
  /** Whether the workspace replaced the default aspect taxonomy. */
  taxonomyCustom: z.boolean(),
  /** Bumped by every taxonomy change (PUT /text/taxonomy compares it). */
  version: z.number().int(),
});
export type TTextSettings = z.infer<typeof ZTextSettings>;
