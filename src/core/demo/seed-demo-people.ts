import type { WorkspaceContext } from "../context.js";
import type { Role } from "../db/schema.js";
import { createTeam } from "../teams/manage-teams.js";
import { ZCreateTeam } from "../teams/teams.schema.js";
import { addMember } from "../workspaces/add-member.js";
import { ZAddMember } from "../workspaces/workspaces.schema.js";

/** Every demo colleague signs in with the demo password (documented in README). */
interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: Role;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: "lead", name: "Lea Wagner", email: "lea.wagner@journeylens.local", role: "analyst" },
  { key: "field", name: "Tom Berger", email: "tom.berger@journeylens.local", role: "agent" },
  { key: "service1", name: "Sara Yilmaz", email: "sara.yilmaz@journeylens.local", role: "agent" },
  { key: "service2", name: "Jonas Keller", email: "jonas.keller@journeylens.local", role: "agent" },
  { key: "billing", name: "Mira Hoffmann", email: "mira.hoffmann@journeylens.local", role: "agent" },
];

/**
 * The teams the telecom touchpoints name as their owners, so cases route on first start: the field
 * service (one technician-facing agent, led by Lea Wagner, who also leads dispatch), customer
 * service with two agents in turn, billing, and dispatch without members (its cases go to its lead).
 */
const DEMO_TEAMS: readonly { name: string; lead: string; members: readonly string[] }[] = [
  { name: "Team Außendienst", lead: "lead", members: ["field"] },
  { name: "Team Kundenservice", lead: "lead", members: ["service1", "service2"] },
  { name: "Team Rechnungsstellung", lead: "lead", members: ["billing"] },
  { name: "Team Disposition", lead: "lead", members: [] },
];

/**
 * Colleagues of the demo owner (who owns every journey and so watches every case) and the teams
 * that own the telecom touchpoints, made through the same use cases as the API.
 */
export async function seedDemoPeople(ctx: WorkspaceContext, password: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const member = await addMember(
      ctx,
      ZAddMember.parse({ email: p.email, name: p.name, role: p.role, password }),
    );
    ids.set(p.key, member.userId);
  }
  const id = (key: string) => ids.get(key) ?? null;
  for (const t of DEMO_TEAMS) {
    await createTeam(
      ctx,
      ZCreateTeam.parse({
        name: t.name,
        leadUserId: id(t.lead),
        memberIds: t.members.map((m) => id(m)).filter((m): m is string => m !== null),
      }),
    );
  }
  return ids;
}
