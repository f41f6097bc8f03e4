/**
 * Demo surveys per demo case: one main survey on the journey's key moment and short CSAT pulses on
 * touchpoints, so metrics by survey, touchpoint and stage are meaningful on first start.
 */
export interface DemoSurvey {
  /** Which demo case (index into DEMO_CASES) and touchpoint key it belongs to. */
  caseIndex: number;
  touchpointKey: string;
  name: string;
  /** How many responses the demo generates. */
  responses: number;
  definition: {
    schemaVersion: 1;
    title: { de: string; en: string };
    intro?: { de: string; en: string };
    thankYou: { de: string; en: string };
    questions: DemoQuestion[];
  };
}

export interface DemoQuestion {
  id: string;
  type: "nps" | "csat" | "ces" | "single_choice" | "multiple_choice" | "text";
  text: { de: string; en: string };
  required: boolean;
  options?: { id: string; label: { de: string; en: string } }[];
  showIf?: { questionId: string; op: "lte" | "gte"; value: number };
}

const thanks = {
  de: "Vielen Dank! Ihre Antworten helfen uns, besser zu werden.",
  en: "Thank you! Your answers help us improve.",
};

const why = (id = "reason"): DemoQuestion => ({
  id,
  type: "text",
  text: {
    de: "Was ist der wichtigste Grund für Ihre Bewertung?",
    en: "What is the main reason for your score?",
  },
  required: false,
});

const pulse = (
  caseIndex: number,
  touchpointKey: string,
  name: string,
  de: string,
  en: string,
): DemoSurvey => ({
  caseIndex,
  touchpointKey,
  name,
  responses: 160,
  definition: {
    schemaVersion: 1,
    title: { de: name, en },
    thankYou: thanks,
    questions: [
      {
        id: "csat",
        type: "csat",
        text: { de: `Wie zufrieden waren Sie mit ${de}?`, en: `How satisfied were you with ${en}?` },
        required: true,
      },
      {
        ...why("comment"),
        text: { de: "Möchten Sie uns etwas mitteilen?", en: "Anything you would like to tell us?" },
      },
    ],
  },
});

export const DEMO_SURVEYS: readonly DemoSurvey[] = [
  {
    caseIndex: 0,
    touchpointKey: "tk-techniker-besuch",
    name: "Umfrage nach dem Techniker-Besuch",
    responses: 700,
    definition: {
      schemaVersion: 1,
      title: { de: "Wie war Ihr Umzug mit uns?", en: "How was your move with us?" },
      intro: {
        de: "Drei kurze Fragen zu Ihrem Umzug und dem Techniker-Termin.",
        en: "Three short questions about your move and the technician visit.",
      },
      thankYou: thanks,
      questions: [
        {
          id: "nps",
          type: "nps",
          text: {
            de: "Wie wahrscheinlich ist es, dass Sie uns Freunden oder Kollegen weiterempfehlen?",
            en: "How likely are you to recommend us to a friend or colleague?",
          },
          required: true,
        },
        {
          id: "ces",
          type: "ces",
          text: {
            de: "Das Unternehmen hat es mir leicht gemacht, meinen Umzug zu erledigen.",
            en: "The company made it easy for me to handle my move.",
          },
          required: true,
        },
        {
          id: "problem",
          type: "single_choice",
          text: { de: "Was hat Sie am meisten gestört?", en: "What bothered you most?" },
          required: false,
          showIf: { questionId: "nps", op: "lte", value: 6 },
          options: [
            { id: "appointment", label: { de: "Terminverschiebungen", en: "Rescheduled appointments" } },
            { id: "hotline", label: { de: "Erreichbarkeit der Hotline", en: "Reaching the hotline" } },
            { id: "delivery", label: { de: "Lieferung des Routers", en: "Router delivery" } },
            { id: "billing", label: { de: "Rechnung und Gebühren", en: "Bill and fees" } },
          ],
        },
        why(),
      ],
    },
  },
  pulse(0, "tk-hotline", "Kurzbewertung Service-Hotline", "unserer Service-Hotline", "our service hotline"),
  pulse(0, "tk-chat", "Kurzbewertung Chat", "dem Chat in der App", "the in-app chat"),
  pulse(
    0,
    "tk-umzugsauftrag",
    "Kurzbewertung Umzugsauftrag",
    "dem Umzugsauftrag in der App",
    "placing your move order",
  ),
  {
    caseIndex: 1,
    touchpointKey: "ht-checkout",
    name: "Gästebefragung nach dem Aufenthalt",
    responses: 650,
    definition: {
      schemaVersion: 1,
      title: { de: "Wie war Ihr Aufenthalt?", en: "How was your stay?" },
      thankYou: thanks,
      questions: [
        {
          id: "csat",
          type: "csat",
          text: {
            de: "Wie zufrieden waren Sie insgesamt mit Ihrem Aufenthalt?",
            en: "Overall, how satisfied were you with your stay?",
          },
          required: true,
        },
        {
          id: "nps",
          type: "nps",
          text: {
            de: "Wie wahrscheinlich ist es, dass Sie unser Hotel weiterempfehlen?",
            en: "How likely are you to recommend our hotel?",
          },
          required: true,
        },
        {
          id: "improve",
          type: "multiple_choice",
          text: { de: "Was sollten wir verbessern?", en: "What should we improve?" },
          required: false,
          options: [
            { id: "room", label: { de: "Zimmer", en: "Room" } },
            { id: "breakfast", label: { de: "Frühstück", en: "Breakfast" } },
            { id: "service", label: { de: "Service", en: "Service" } },
            { id: "checkin", label: { de: "Check-in", en: "Check-in" } },
          ],
        },
        why(),
      ],
    },
  },
  pulse(1, "ht-rezeption", "Kurzbewertung Rezeption", "dem Empfang an der Rezeption", "the front desk"),
  pulse(1, "ht-fruehstueck", "Kurzbewertung Frühstück", "dem Frühstück", "breakfast"),
  {
    caseIndex: 2,
    touchpointKey: "os-retoure-app",
    name: "Feedback zur Rücksendung",
    responses: 650,
    definition: {
      schemaVersion: 1,
      title: { de: "Wie lief Ihre Rücksendung?", en: "How did your return go?" },
      thankYou: thanks,
      questions: [
        {
          id: "ces",
          type: "ces",
          text: {
            de: "Das Unternehmen hat es mir leicht gemacht, meine Rücksendung zu erledigen.",
            en: "The company made it easy for me to handle my return.",
          },
          required: true,
        },
        {
          id: "nps",
          type: "nps",
          text: {
            de: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
            en: "How likely are you to recommend us?",
          },
          required: true,
        },
        why(),
      ],
    },
  },
  pulse(2, "os-zustellung", "Kurzbewertung Zustellung", "der Zustellung", "the delivery"),
  pulse(
    2,
    "os-chat",
    "Kurzbewertung Kundenservice-Chat",
    "dem Chat mit dem Kundenservice",
    "the customer service chat",
  ),
];
