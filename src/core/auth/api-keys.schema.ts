import { z } from "zod";
import { SCOPES } from "../permissions/index.js";

export const ZScope = z.enum(SCOPES as ["ingest", "read", "write", "admin"]);

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ZScope).min(1).max(4),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZScope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;
