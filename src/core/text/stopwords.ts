import type { RuleLanguage } from "./analysis.js";

/**
 * Stop words for keyword extraction and topic discovery: function words plus the generic praise,
 * complaint and politeness words that say nothing about what a text is about ("super", "leider",
 * "thanks"). Lower case; apostrophes straight.
 */
const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter((w) => w !== ""));

const DE = words(`
nächste nächsten nächster nächstes naechste naechsten letzte letzten letzter letztes
ab aber alle allem allen aller allerdings alles als also am an ander andere anderem anderen anderer anderes
anders anstatt auch auf aus bald bei beide beiden beim bereits besonders bevor bin bis bisher bist bitte
bzw ca da dabei dadurch dafür dagegen daher damals damit danach dann daran darauf daraus darf darin darum
darüber das dass daß dasselbe davon davor dazu dein deine deinem deinen deiner dem den denen denn dennoch der
deren des deshalb dessen deswegen dich die dies diese diesem diesen dieser dieses dir doch dort du durch
dürfen eben ebenfalls ebenso eher eigentlich ein eine einem einen einer eines einfach einige einigen einiger
einmal entweder er erst erstmal es etc etwa etwas euch euer eure fast für gab ganz gar gegen gemacht genau
genauso gerade gern gerne gesagt gewesen geworden gibt ging gleich hab habe haben habt halt hallo hast hat
hatte hätte hatten hätten her heute hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im
immer in indem ins irgendwie ist ja je jede jedem jeden jeder jedes jedoch jemand jemanden jetzt kam kann
kannst kaum kein keine keinem keinen keiner keines können könnte konnte könnten konnten lassen leider letzte
letzten mache machen macht mal man manche manchmal mehr mein meine meinem meinen meiner meines meist meistens
mich mir mit mittlerweile möchte möchten muss muß musste müssen müsste mussten nach nachdem nämlich natürlich
neben nein nicht nichts nie niemand noch nun nur ob oben obwohl oder oft ohne paar schon sehr sei seid sein
seine seinem seinen seiner seines seit seitdem selbst sich sie sind so sogar solche solchen soll sollte
sollten somit sondern sowas sowie sowieso sowohl statt stets total tun tut über überhaupt um und uns unser
unsere unserem unseren unter usw viel viele vielen vielleicht völlig vom von vor während wann war wäre waren
wären warst warum was weder weg weil weiß weiter welche welchem welchen welcher welches wenig wenige
wenigstens wenn wer werde werden wie wieder wieso will wir wird wirklich wo wohl wollen wollte wollten worden
wurde würde wurden würden zb zu zudem zuerst zum zumindest zur zurück zwar zwischen
gut gute guten guter gutes besser beste besten schlecht schlechte schlechter schlechten super toll tolle prima
klasse top okay ok echt sachen sache ding dinge leute tag tage bisschen danke dank vielen herr frau liebe
lieber grüße gruß mfg ging geht gehen gegangen kommt kommen gekommen sagen sagt gibt geben gegeben wäre hätte
ganze ganzen schade insgesamt allgemein irgendwas irgendwann einfach nochmal mehrmals sowieso bestimmt
`);

const EN = words(`
a about above after again against all also although always am among an and another any anyone anything are
aren't around as at away back be because been before being below between both but by can can't cannot
could couldn't did didn't do does doesn't doing don't done down during each either else even ever every
everyone everything few for from further get gets getting got gotten had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've
if in into is isn't it it's its itself just let let's like lot lots made make makes making many may me
might more most much must mustn't my myself need needed never no nobody none nor not nothing now of off oh
on once one only or other others ought our ours ourselves out over own per please quite rather really
said same say says shall shan't she she'd she'll she's should shouldn't since so some someone something
still such than thank thanks that that's the their theirs them themselves then there there's these they
they'd they'll they're they've thing things this those though through thus to too toward towards two under
until up upon us use used very via want wanted was wasn't way we we'd we'll we're we've well went were
weren't what what's whatever when when's where where's whether which while who who's whom whose why why's
will with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves
go going gone come came comes take took taken give gave given keep kept tell told ask asked know knew known
think thought see seen saw look looked try tried trying put puts already actually pretty bit little lot
first last next day days week weeks month months year years today yesterday tomorrow time times etc ok okay
good great bad nice fine best better worse worst awesome amazing terrible horrible excellent perfect poor
hi hello dear regards sir madam guys yes yeah definitely absolutely totally overall anyway new
`);

export const STOP_WORDS: Record<RuleLanguage, ReadonlySet<string>> = { de: DE, en: EN };

export function isStopWord(word: string, language: RuleLanguage): boolean {
  const w = word.includes("’") ? word.replace(/’/g, "'") : word;
  return STOP_WORDS[language].has(w);
}
