import { describe, expect, it } from "vitest";
import type { SurveyTrigger } from "../../api/listen";
import { type SurveyFromFunnelResult, skippedCounts, triggerChoices } from "./dropped-survey";

const trigger = (id: string, surveyId: string, name: string, extra: Partial<SurveyTrigger> = {}) =>
  ({
    id,
    surveyId,
    name,
    matcher: { event: "X" },
    delaySeconds: 0,
    channel: "email",
    target: { secret: "whsec_…abcd" },
    sampleRate: 1,
    enabled: true,
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
    ...extra,
  }) as SurveyTrigger;

describe("funnel survey", () => {
  it("offers the enabled triggers of active surveys, by survey and trigger name", () => {
    const surveys = [
      { id: "s1", name: "Zufriedenheit", status: "active" as const },
      { id: "s2", name: "Abbruch", status: "active" as const },
      { id: "s3", name: "Entwurf", status: "draft" as const },
      { id: "s4", name: "Lädt noch", status: "active" as const },
    ];
    const triggers: Record<string, SurveyTrigger[]> = {
      s1: [trigger("t1", "s1", "Nach Kauf")],
      s2: [
        trigger("t3", "s2", "Webhook", { channel: "webhook" }),
        trigger("t2", "s2", "Aus", { enabled: false }),
        trigger("t4", "s2", "E-Mail"),
      ],
      s3: [trigger("t5", "s3", "Entwurf")],
    };
    expect(triggerChoices(surveys, (id) => triggers[id]).map((c) => [c.id, c.surveyName, c.channel])).toEqual(
      [
        ["t4", "Abbruch", "email"],
        ["t3", "Abbruch", "webhook"],
        ["t1", "Zufriedenheit", "email"],
      ],
    );
  });

  it("lists only the skip reasons that occurred, in answer order", () => {
    const result: SurveyFromFunnelResult = {
      units: 7,
      invited: 2,
      alreadyInvited: 1,
      skipped: { noCustomer: 1, suppressed: 0, noAddress: 2, contactLimit: 1, sampledOut: 0 },
      invitationIds: ["a", "b", "c"],
    };
    expect(skippedCounts(result)).toEqual([
      { reason: "noCustomer", n: 1 },
      { reason: "noAddress", n: 2 },
      { reason: "contactLimit", n: 1 },
    ]);
  });
});
