/**
 * Comment bank for the demo feedback: short, realistic customer comments per topic, sentiment and
 * language. Written for the demo (no third-party text), so the demo may ship with the product.
 */
export type DemoTopic =
  | "wait"
  | "staff"
  | "price"
  | "digital"
  | "info"
  | "appointment"
  | "delivery"
  | "billing"
  | "room"
  | "food"
  | "product"
  | "refund"
  | "repeat";

type Bank = Record<DemoTopic, { de: { neg: string[]; pos: string[] }; en: { neg: string[]; pos: string[] } }>;

export const DEMO_COMMENTS: Bank = {
  wait: {
    de: {
      neg: [
        "Ich hing 40 Minuten in der Warteschleife, bevor überhaupt jemand abgenommen hat.",
        "Viel zu lange Wartezeit, niemand hat mir gesagt, wie lange es noch dauert.",
        "Tagelang keine Rückmeldung, ich wusste nicht, ob mein Auftrag überhaupt angekommen ist.",
      ],
      pos: [
        "Kaum Wartezeit, nach zwei Minuten hatte ich jemanden am Telefon.",
        "Es ging erstaunlich schnell, ich musste gar nicht warten.",
      ],
    },
    en: {
      neg: [
        "I was on hold for 40 minutes before anyone picked up.",
        "Far too long a wait and nobody told me how much longer it would take.",
      ],
      pos: [
        "Hardly any waiting, someone answered within two minutes.",
        "Surprisingly quick, no waiting at all.",
      ],
    },
  },
  staff: {
    de: {
      neg: [
        "Der Mitarbeiter war unfreundlich und hat mich ständig unterbrochen.",
        "Man hat mich von einer Abteilung zur nächsten geschickt, keiner fühlte sich zuständig.",
      ],
      pos: [
        "Sehr freundliche und kompetente Beratung, vielen Dank an Frau Yilmaz!",
        "Der Mitarbeiter hat sich wirklich Zeit genommen und mein Problem sofort verstanden.",
        "Super nett und hilfsbereit, so stelle ich mir Service vor.",
      ],
    },
    en: {
      neg: [
        "The agent was rude and kept interrupting me.",
        "I was passed from one department to the next, nobody felt responsible.",
      ],
      pos: [
        "Very friendly and knowledgeable staff, thank you!",
        "The agent really took the time and understood my problem right away.",
      ],
    },
  },
  price: {
    de: {
      neg: [
        "Die Gebühr war nirgends angekündigt, das finde ich unfair.",
        "Für diesen Preis erwarte ich deutlich mehr.",
      ],
      pos: ["Preis und Leistung stimmen, keine versteckten Kosten.", "Fair und transparent abgerechnet."],
    },
    en: {
      neg: ["The fee was never mentioned anywhere, that is unfair.", "For this price I expect a lot more."],
      pos: ["Good value for money, no hidden costs.", "Fair and transparent pricing."],
    },
  },
  digital: {
    de: {
      neg: [
        "Die App ist abgestürzt, als ich den Auftrag abschicken wollte.",
        "Auf der Website findet man nichts, das Formular hat dreimal einen Fehler gemeldet.",
      ],
      pos: [
        "In der App ging alles in wenigen Minuten, sehr übersichtlich.",
        "Die Website ist klar aufgebaut, ich habe sofort gefunden, was ich brauchte.",
      ],
    },
    en: {
      neg: ["The app crashed when I tried to submit the order.", "The website form failed three times."],
      pos: [
        "Everything took a few minutes in the app, very clear.",
        "Easy to use website, found everything at once.",
      ],
    },
  },
  info: {
    de: {
      neg: [
        "Ich wurde überhaupt nicht informiert, was als Nächstes passiert.",
        "Widersprüchliche Auskünfte: am Telefon hieß es etwas anderes als in der E-Mail.",
      ],
      pos: [
        "Ich wurde bei jedem Schritt per E-Mail informiert, das gibt Sicherheit.",
        "Klare Informationen, ich wusste immer, woran ich bin.",
      ],
    },
    en: {
      neg: ["Nobody told me what would happen next.", "Conflicting information on the phone and by e-mail."],
      pos: ["I was kept informed at every step.", "Clear information, I always knew where I stood."],
    },
  },
  appointment: {
    de: {
      neg: [
        "Der Techniker-Termin wurde zweimal kurzfristig verschoben, ich habe umsonst Urlaub genommen.",
        "Zeitfenster von 8 bis 16 Uhr und dann kam niemand.",
      ],
      pos: [
        "Der Techniker kam pünktlich, war freundlich und nach einer Stunde lief alles.",
        "Termin wurde eingehalten, sauber gearbeitet, alles erklärt.",
      ],
    },
    en: {
      neg: ["The technician appointment was moved twice at short notice.", "Waited all day and nobody came."],
      pos: ["The technician was on time, friendly and everything worked within an hour."],
    },
  },
  delivery: {
    de: {
      neg: [
        "Das Paket wurde an meine alte Adresse geliefert, obwohl ich die neue angegeben hatte.",
        "Die Lieferung kam vier Tage später als angekündigt.",
      ],
      pos: ["Lieferung schon am nächsten Tag, top!", "Pünktlich geliefert und gut verpackt."],
    },
    en: {
      neg: ["The parcel went to my old address although I gave the new one.", "Delivery was four days late."],
      pos: ["Delivered the next day, great!", "Arrived on time and well packed."],
    },
  },
  billing: {
    de: {
      neg: [
        "Die erste Rechnung war falsch, die Umzugsgebühr wurde trotz Zusage berechnet.",
        "Die Rechnung ist unverständlich, ich musste dreimal nachfragen.",
      ],
      pos: ["Die Gutschrift kam schnell und ohne Diskussion.", "Rechnung korrekt und verständlich."],
    },
    en: {
      neg: ["The first bill was wrong, I was charged the fee I had been told would be waived."],
      pos: ["The credit note arrived quickly without any discussion.", "The invoice was correct and clear."],
    },
  },
  room: {
    de: {
      neg: [
        "Das Zimmer war laut und die Terrassentür ließ sich nicht schließen.",
        "Kein warmes Wasser am ersten Abend, das darf in einem Hotel dieser Klasse nicht passieren.",
      ],
      pos: [
        "Wunderschönes, sauberes Zimmer mit toller Aussicht.",
        "Ruhiges Zimmer, bequemes Bett, alles sauber.",
      ],
    },
    en: {
      neg: ["The room was noisy and the terrace door would not close.", "No hot water on the first evening."],
      pos: ["Beautiful, clean room with a great view.", "Quiet room, comfortable bed, spotless."],
    },
  },
  food: {
    de: {
      neg: [
        "Beim Frühstück war um halb zehn schon fast alles leer.",
        "Der Kaffee war kalt und das Buffet lieblos.",
      ],
      pos: [
        "Das Frühstück war ausgezeichnet, viele regionale Produkte.",
        "Tolles Frühstücksbuffet, sehr aufmerksames Personal.",
      ],
    },
    en: {
      neg: ["By half past nine the breakfast buffet was almost empty."],
      pos: ["Excellent breakfast with lots of local produce.", "Great breakfast and attentive staff."],
    },
  },
  product: {
    de: {
      neg: [
        "Die Größe fällt viel kleiner aus als angegeben.",
        "Der Stoff fühlt sich billig an, sieht anders aus als auf den Fotos.",
      ],
      pos: [
        "Passt perfekt, der Größenberater hat wirklich geholfen.",
        "Tolle Qualität, genau wie auf den Bildern.",
      ],
    },
    en: {
      neg: ["Runs much smaller than stated.", "The fabric feels cheap and looks different from the photos."],
      pos: ["Fits perfectly, the size advisor really helped.", "Great quality, exactly as pictured."],
    },
  },
  refund: {
    de: {
      neg: [
        "Seit drei Wochen warte ich auf meine Erstattung, niemand kann mir sagen warum.",
        "Die Retoure ist angekommen, aber das Geld ist immer noch nicht da.",
      ],
      pos: [
        "Rücksendung war unkompliziert und das Geld war nach zwei Tagen zurück.",
        "Retoure per App in einer Minute erledigt.",
      ],
    },
    en: {
      neg: ["Three weeks and still no refund, nobody can tell me why."],
      pos: ["Returning was easy and the money was back within two days."],
    },
  },
  repeat: {
    de: {
      neg: [
        "Ich musste viermal anrufen und jedes Mal alles von vorne erklären.",
        "Der versprochene Rückruf kam nie, also habe ich wieder angerufen.",
      ],
      pos: ["Mein Anliegen wurde beim ersten Anruf gelöst.", "Ein Anruf, und alles war geklärt."],
    },
    en: {
      neg: [
        "I had to call four times and explain everything again each time.",
        "The promised call back never came.",
      ],
      pos: ["My issue was solved on the first call."],
    },
  },
};

/** Topics customers talk about at each demo touchpoint (by touchpoint key prefix or key). */
/**
 * A recent surge for the demo's emerging-topic alert: after an app update, customers cannot log in.
 * Seeded into the last days only, so the weekly counts of the app aspect jump against their baseline.
 */
export const DEMO_SURGE: { de: string[]; en: string[] } = {
  de: [
    "Seit dem letzten App-Update kann ich mich nicht mehr anmelden.",
    "Login in der App geht seit dem Update nicht mehr, Passwort wird nicht akzeptiert.",
    "Die App zeigt nach dem Update nur noch eine Fehlermeldung beim Anmelden.",
    "Nach dem Update stürzt die App beim Login sofort ab.",
    "Ich komme seit Tagen nicht mehr in die App, das Anmelden scheitert jedes Mal.",
    "App-Anmeldung kaputt seit dem Update, bitte dringend beheben!",
  ],
  en: [
    "Since the latest app update I can't log in anymore.",
    "The app login has been broken since the update, my password is rejected.",
    "After the update the app crashes as soon as I try to log in.",
  ],
};

export const TOUCHPOINT_TOPICS: Record<string, DemoTopic[]> = {
  "tk-website-umzug": ["digital", "info"],
  "tk-verfuegbarkeit": ["digital", "info"],
  "tk-umzugsauftrag": ["digital", "info"],
  "tk-warten-bestaetigung": ["wait", "info"],
  "tk-bestaetigung-mail": ["info"],
  "tk-hardware-versand": ["delivery", "info"],
  "tk-lieferung-alte-adresse": ["delivery"],
  "tk-sendungsverfolgung": ["delivery", "digital"],
  "tk-hotline": ["staff", "wait"],
  "tk-warteschleife": ["wait"],
  "tk-wiederholter-anruf": ["repeat", "staff"],
  "tk-terminvereinbarung": ["appointment"],
  "tk-terminverschiebung": ["appointment", "info"],
  "tk-warten-techniker": ["appointment", "wait"],
  "tk-techniker-besuch": ["appointment", "staff"],
  "tk-selbstinstallation": ["digital", "info"],
  "tk-uebergabe-backoffice": ["repeat", "wait"],
  "tk-rueckruf": ["repeat"],
  "tk-erste-rechnung": ["billing", "price"],
  "tk-gutschrift": ["billing"],
  "tk-chat": ["staff", "digital"],
  "tk-nps-umfrage": ["staff"],
  "tk-social-beschwerde": ["billing", "repeat"],
  "ht-website": ["digital"],
  "ht-buchung": ["digital", "price"],
  "ht-anfahrt-parken": ["info"],
  "ht-warten-checkin": ["wait"],
  "ht-rezeption": ["staff", "wait"],
  "ht-zimmer-ankunft": ["room"],
  "ht-terrassentuer": ["room"],
  "ht-haustelefon": ["repeat", "staff"],
  "ht-wasserversorgung": ["room"],
  "ht-wiederholte-anrufe": ["repeat"],
  "ht-haustechnik": ["staff", "room"],
  "ht-zimmerwechsel": ["room", "staff"],
  "ht-fruehstueck": ["food"],
  "ht-geste-gm": ["staff"],
  "ht-checkout": ["staff", "wait"],
  "ht-rechnung": ["billing", "price"],
  "os-app-startseite": ["digital"],
  "os-suche": ["digital"],
  "os-produktseite": ["product", "digital"],
  "os-groessenberater": ["product"],
  "os-checkout": ["digital", "price"],
  "os-zustellung": ["delivery"],
  "os-paketshop": ["delivery"],
  "os-auspacken": ["product"],
  "os-retoure-app": ["refund", "digital"],
  "os-retourenlabel": ["refund"],
  "os-warten-erstattung": ["refund", "wait"],
  "os-chat": ["staff", "refund"],
  "os-bot-agent-uebergabe": ["repeat", "staff"],
  "os-erstattung": ["refund"],
};
