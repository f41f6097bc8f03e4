/**
 * German lexicon, verbs: stems for the regular forms, spelled-out irregular forms and participles
 * (ge- forms do not share the stem), separable verbs as phrases ("fällt aus", "ruft zurück").
 * Verbs whose negation is the typical complaint ("funktioniert", "klappt") are mildly positive, so
 * the engine's negation turns "funktioniert nicht" negative.
 */
export const VERBS_POSITIVE = `
# praise and recommend
loben 2.0
lobe 2.0
lobt 2.0
lobte 2.0
lobten 2.0
gelobt 2.0
lobend* 2.0
empfehl* 2.0
empfiehlt 2.0
empfahl 2.0
empfahlen 2.0
empfohlen 1.8
weiterempfehl* 2.5
weiterempfohlen 2.5
weiterempfiehlt 2.5
danken 1.8
danke 1.8
dankt 1.6
dankte 1.6
bedank* 1.8
dankeschön 2.2
dankesehr 2.0
freue 1.8
freuen 1.8
freut 1.8
freute 1.8
freuten 1.8
gefreut 1.8
freudig* 2.0
gefällt 1.8
gefallen 1.5
gefiel 1.8
gefielen 1.8
mag 1.0
mögen 1.2
mochte 1.0
mochten 1.0
liebt 2.5
beliebt* 1.5
unbeliebt* -1.5
liebten 2.5
geliebt 2.0
ich liebe 3.0
wir lieben 3.0
genieß* 2.2
genoss 2.0
sehr genossen 2.4
richtig genossen 2.4
haben es genossen 2.2
habe es genossen 2.2
haben wir genossen 2.2
schwärm* 2.4
beeindruck* 2.2
verwöhn* 1.8
gratulier* 1.8
belohn* 1.5
begrüßenswert* 1.8
bewährt* 1.5
überzeug* 2.0
übertroffen 2.5
übertrifft 2.3
übertraf 2.3
gelingt 1.2
gelang 1.2
profitiert* 1.0
gespart 1.0
weiterhin so 2.0
macht spaß 2.2
machte spaß 2.2
hat spaß gemacht 2.4
freut mich 2.0
freut uns 2.0
hat mir gefallen 2.0
gefällt mir 2.0

# things working out
funktionier* 0.8
klappt 1.0
klappte 1.0
klappten 1.0
geklappt 1.2
klappen 0.8
geholfen 1.8
weitergeholfen 2.0
weiterhelfen 1.2
hilft 1.2
helfen 1.0
half 0.8
gelöst 1.5
löste 1.2
lösten 1.2
behoben 1.5
erledigt 1.2
repariert 1.2
beantwortet 1.0
zurückgerufen 1.2
erstattet 1.2
rückerstattet 1.2
gutgeschrieben 1.2
entschädigt 1.2
verbessert* 1.4
eingehalten 1.2
erfüllt 1.2
unerfüllt* -1.5
gekümmert 1.6
kümmerte sich 1.5
kümmert sich 1.5
bemühte sich 1.5
bemüht sich 1.3
unterstützt* 1.2
angekommen 0.8
geliefert 0.5
termingerecht geliefert 2.0
pünktlich geliefert 2.0
schnell geliefert 2.0
vertraue 1.2
bewährt hat 1.8
läuft rund 2.0
lief rund 2.0
lief reibungslos 2.5
lief alles 1.5
gut erklärt 2.0
verständlich erklärt 2.2
geduldig erklärt 2.4
ausführlich erklärt 2.0
sofort ersetzt 2.2
kostenlos ersetzt 2.2
anstandslos ersetzt 2.4
hat sich entschuldigt 1.5
entschuldigte sich 1.5
entschuldigten sich 1.5
sich entschuldigt 1.3
wiedergutgemacht 1.5
vereinfacht* 1.0
beschleunigt* 1.0
optimiert* 1.0
gemeistert 1.8
hat mich überzeugt 2.2
hat uns überzeugt 2.2
hat sich verbessert 1.8
deutlich verbessert 2.0
hat sich gebessert 1.5
immer besser 2.0
wird immer besser 2.3
`;

export const VERBS_NEGATIVE = `
# complaining and cancelling
beschwer* -1.8
reklamier* -1.5
beanstand* -1.5
kündig* -1.0
gekündigt -1.2
storniert -0.8
meckern -1.3
mecker* -1.3
beklag* -1.5
klage* -1.5

# waiting and delays
warte* -0.8
wartezeit* -0.8
warteschlange* -1.2
gewartet -0.6
wartete -0.8
warten lassen -1.8
warten gelassen -2.0
verzöger* -1.8
verspät* -1.8
ausfall* -1.8
ausfäll* -1.8
ausgefallen -1.5
fällt aus -1.8
fiel aus -1.8
fallen aus -1.8
fielen aus -1.8
streik* -1.5
bestreikt* -1.5
verschob* -1.0
verschiebt -1.0
vertagt -1.0
abgesagt -1.8
verschlechter* -2.0
hat sich verschlechtert -2.3
immer schlechter -2.3
wird immer schlechter -2.5
von mal zu mal schlechter -2.5
nachgelassen -1.5
hat nachgelassen -1.8
hat stark nachgelassen -2.3
lässt nach -1.2
ließ nach -1.2
früher war alles besser -1.8
früher war es besser -1.8
war schon mal besser -1.8
schon mal besser -1.5
nicht mehr wie früher -1.5
so schlecht wie nie -2.8
geplatzt -1.5
durchgebrannt -1.8
sagt ab -1.5
sagte ab -1.8
hinhalt* -2.0
verschlepp* -2.0

# failing and breaking
versag* -2.2
scheiter* -2.2
gescheitert -2.2
abgebrochen -1.6
bricht ab -1.6
brach ab -1.6
abbruch* -1.5
abbrüche -1.5
stürzt ab -2.0
stürzte ab -2.0
absturz* -2.0
abstürze -2.0
hängt sich auf -1.8
hängte sich auf -1.8
friert ein -1.5
fror ein -1.5
spinnt -1.5
spinnte -1.5
zickt -1.3
ruckel* -1.3
stockt -1.2
stockend* -1.2
hakt -1.0
hakte -1.0
laggt -1.5
buggt -1.8
flackert -1.0
quietsch* -1.0
klapper* -1.0
tropft -1.2
leckt -1.5
rostet -1.2
kaputtgemacht -2.2
zerstör* -2.3
beschädig* -2.0
verkratzt -1.6
eingedellt -1.5
verbogen -1.4
zerdrückt -1.6
zerquetscht -1.8
durchnässt -1.5
ausgelaufen -1.6
verschwunden -1.6
verschwand -1.6
fehlt -1.0
fehlte -1.0
fehlten -1.0
gefehlt -1.0
fehlend* -1.0
mangelt -1.3
hapert -1.5
verlier* -1.4
verlor* -1.5
verloren gegangen -2.0
verloren gegangenen -2.0
schwächel* -1.2

# people treating customers badly
nerv* -1.8
nervenaufreibend* -2.2
nervtötend* -2.3
ignorier* -2.0
abwimmel* -2.3
abgewimmelt -2.4
vertröst* -1.8
vergessen -1.0
unvergesslich* 2.5
vergisst -1.0
vergaß -1.2
vergass -1.2
verweiger* -2.0
ablehn* -1.5
abgelehnt -1.6
lehnt ab -1.5
lehnte ab -1.6
zurückgewiesen -1.5
zurückweis* -1.5
missacht* -1.8
vernachlässig* -1.8
verschlampt -2.2
verschlamp* -2.2
verbummelt -1.8
verschusselt -1.8
vermassel* -2.2
vermasselt -2.2
verbockt -2.0
verpfuscht -2.3
pfusch* -2.3
verhunzt -2.2
versaut -2.3
vergeigt -1.8
verpass* -1.4
versäum* -1.4
verwechselt -1.3
verwechslung* -1.3
vertauscht -1.2
belästig* -2.2
drangsalier* -2.5
bedroh* -2.2
androh* -2.0
droht -1.8
drohte -1.8
drohung* -2.2
beleidig* -2.3
beschimpf* -2.6
geschröpft -2.5
schröpf* -2.5
verpatzt* -2.0
versemmelt -2.0
vermurkst* -2.2
verschlimmbessert* -2.0
bedrängt* -1.8
genötigt -2.0
nötigung* -2.3
erpress* -2.8
angeschnauzt -2.3
ausgelacht -2.3
verspottet -2.0
bloßgestellt -2.2
abgewürgt -2.0
ins wort gefallen -1.8
verklag* -1.8
strafanzeige* -2.0
schimpf* -1.8
motz* -1.5
nörgel* -1.3
bemängel* -1.5
gerügt -1.5
befürcht* -1.0
gebe auf -1.5
aufgegeben -1.3
gestohlen -2.3
geklaut -2.3
angeschrien -2.5
angebrüllt -2.6
angemotzt -2.2
angemault -2.0
angepampt -2.2
angeblafft -2.2
angeraunzt -2.2
abgekanzelt -2.0
angelogen -2.7
belogen -2.7
gelogen -2.5
lügen -2.5
lüge -2.5
lügt -2.5
lügner* -2.8
getäuscht -2.3
täusch* -2.0
betrüg* -3.0
betrog* -3.0
betrug* -3.0
abzock* -3.0
abgezockt -3.0
abkassier* -2.3
manipulier* -2.0
verschwiegen -1.5
vorenthalten* -1.8
verheimlicht -1.8
abgewälzt -1.5
missfall* -1.5
missfällt -1.5
ausgeblieben -1.2
stehengeblieben -1.5
liegengeblieben -1.8
stehen geblieben -1.5
liegen geblieben -1.8
reingefallen -2.0
hereingefallen -2.0
durchgefallen -1.5
sich verrechnet -1.5
ausgetrickst -2.3
reingelegt -2.5
übers ohr gehauen -2.8
über den tisch gezogen -2.8
aufgelegt -1.8
legt auf -1.8
legte auf -1.8
einfach aufgelegt -2.6
rausgeworfen -2.0
rausgeschmissen -2.0
weiterverbunden -1.0
weitergereicht -1.0
weiterverwiesen -1.2
abgeschoben -1.8
kümmert sich niemand -2.3
kümmert sich keiner -2.3
niemand kümmert sich -2.3
keiner kümmert sich -2.3
interessiert niemanden -2.2
interessiert keinen -2.2
hasse -2.8
hasst -2.8
hassen -2.8
gehasst -2.8
verabscheu* -2.8
verfluch* -2.5
bezweifle -1.0
sollten sich schämen -2.8
sollte sich schämen -2.8
schämen sich -2.0
gemahnt -1.5
angemahnt -1.0
gesperrt* -1.5
gedrosselt* -1.5
`;
