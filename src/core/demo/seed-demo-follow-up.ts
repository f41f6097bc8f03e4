import { updateCaseSettings } from "../cases/case-settings.js";
import { ZUpdateCaseSettings } from "../cases/cases.schema.js";
import type { WorkspaceContext } from "../context.js";
import { createSurvey } from "../surveys/create-survey.js";
import { createTrigger } from "../surveys/create-trigger.js";
import { ZCreateSurvey } from "../surveys/surveys.schema.js";
import { ZCreateTrigger } from "../surveys/triggers.schema.js";

/**
 * The closed loop's last step in the demo: a short CSAT survey about how a case was solved, its
 * e-mail trigger (no relay URL, so it goes out through the workspace's SMTP server once one is set
 * in Settings → E-mail or by JOURNEYLENS_SMTP_URL) and the case settings that send it on resolution.
 */
export async function seedDemoFollowUp(
  ctx: WorkspaceContext,
): Promise<{ surveyId: string; triggerId: string }> {
  const survey = await createSurvey(
    ctx,
    ZCreateSurvey.parse({
      name: "Nachbefragung zur Lösung Ihres Anliegens",
      status: "active",
      definition: {
        schemaVersion: 1,
        title: { de: "Wie haben wir Ihr Anliegen gelöst?", en: "How did we solve your issue?" },
        thankYou: {
          de: "Vielen Dank! Ihr Feedback geht direkt an das Team, das Ihren Fall bearbeitet hat.",
          en: "Thank you! Your feedback goes straight to the team that handled your case.",
        },
        questions: [
          {
            id: "csat",
            type: "csat",
            text: {
              de: "Wie zufrieden sind Sie mit der Lösung Ihres Anliegens?",
              en: "How satisfied are you with how your issue was solved?",
            },
            required: true,
          },
          {
            id: "comment",
            type: "text",
            text: { de: "Was können wir noch besser machen?", en: "What could we do better?" },
            required: false,
          },
        ],
      },
    }),
  );
  const trigger = await createTrigger(
    ctx,
    survey.id,
    ZCreateTrigger.parse({
      name: "Nach der Lösung eines Falls",
      matcher: { event: "Case Resolved" },
      channel: "email",
      target: {
        subject: {
          de: "Ist Ihr Anliegen gelöst? Eine Frage an Sie",
          en: "Is your issue solved? One question for you",
        },
      },
    }),
  );
  await updateCaseSettings(ctx, ZUpdateCaseSettings.parse({ followUpTriggerId: trigger.id }));
  return { surveyId: survey.id, triggerId: trigger.id };
}
