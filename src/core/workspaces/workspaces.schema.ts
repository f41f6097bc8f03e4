import { z } from "zod";
import { ROLES } from "../permissions/index.js";

export const ZRole = z.enum(ROLES as ["owner", "admin", "analyst", "agent", "viewer"]);

export const ZCreateWorkspace = z.object({
  name: z.string().trim().min(1).max(120),
  slug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "lowercase letters, digits and dashes, 1–48 characters")
    .optional(),
});
export type TCreateWorkspace = z.infer<typeof ZCreateWorkspace>;

export const ZUpdateWorkspace = z.object({ name: z.string().trim().min(1).max(120) });
export type TUpdateWorkspace = z.infer<typeof ZUpdateWorkspace>;

export const ZWorkspace = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  /** The caller's role; null for API keys and the system actor. */
  role: ZRole.nullable(),
  createdAt: z.string(),
});
export type TWorkspace = z.infer<typeof ZWorkspace>;

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.string(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZAddMember = z.object({
  email: z.email().max(254),
  role: ZRole,
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(8).max(200).optional(),
});
export type TAddMember = z.infer<typeof ZAddMember>;

export const ZUpdateMember = z.object({ role: ZRole });
