import { z } from "zod";

export const ZLocale = z.enum(["de", "en"]);

export const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: ZLocale });
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUser = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
  locale: ZLocale.default("de"),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateMe = z
  .object({ name: z.string().trim().min(1).max(120).optional(), locale: ZLocale.optional() })
  .refine((v) => v.name !== undefined || v.locale !== undefined, { message: "give name or locale" });

export const ZLogin = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });
