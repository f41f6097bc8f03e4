import { z } from "zod";

/** A team name as touchpoints name their owner team (no @: files name users by e-mail). */
export const ZTeamName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^@]+$/, "a team name cannot contain @");

export const ZTeam = z.object({
  id: z.string(),
  name: z.string(),
  leadUserId: z.string().nullable(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTeam = z.infer<typeof ZTeam>;

export const ZCreateTeam = z.object({
  name: ZTeamName,
  leadUserId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(200).optional(),
});
export type TCreateTeam = z.infer<typeof ZCreateTeam>;

export const ZUpdateTeam = z
  .object({ name: ZTeamName.optional(), leadUserId: z.uuid().nullable().optional() })
  .refine((v) => v.name !== undefined || v.leadUserId !== undefined, "give name or leadUserId");
export type TUpdateTeam = z.infer<typeof ZUpdateTeam>;

export const ZTeamMember = z.object({ userId: z.uuid() });
