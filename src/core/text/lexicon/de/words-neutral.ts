/**
 * German lexicon, neutral overrides (mostly 0.0): fixed phrases that contain a lexicon word in a
 * neutral sense (letter greetings, "ehrlich gesagt", "so schnell wie möglich"), and words that the
 * engine's compound-head rule would otherwise misread ("Zeitraum" is not a "Traum", "Monteure"
 * are not "teure", "Vermögen" is not "mögen", "Mehrwertsteuer" is not "teuer").
 */
export const NEUTRAL_OVERRIDES = `
# greetings and letter formulas
mit freundlichen grüßen 0.0
mit freundlichen grüssen 0.0
mit freundlichem gruß 0.0
mit freundlichem gruss 0.0
freundliche grüße 0.0
freundliche grüsse 0.0
freundlichen gruß 0.0
freundlichen gruss 0.0
mit besten grüßen 0.0
beste grüße 0.0
besten gruß 0.0
beste grüsse 0.0
herzliche grüße 0.0
herzliche grüsse 0.0
herzlichen gruß 0.0
herzlichst 0.0
schöne grüße 0.0
schöne grüsse 0.0
schönen gruß 0.0
guten tag 0.0
guten morgen 0.0
guten abend 0.0
gute nacht 0.0
schönen tag 0.3
schönen tag noch 0.3
schönes wochenende 0.3
schönen abend 0.3
frohe weihnachten 0.5
frohe ostern 0.5
frohes neues 0.5
guten rutsch 0.5
gute reise 0.3
gute fahrt 0.3
guten appetit 0.3
gute besserung 0.3
alles gute 1.0
vielen dank im voraus 0.3
danke im voraus 0.3
besten dank im voraus 0.3
im voraus vielen dank 0.3
vorab vielen dank 0.3
danke vorab 0.3
herzlich willkommen 1.0
lob und kritik 0.0
lob oder kritik 0.0
lob und tadel 0.0

# set phrases with a lexicon word in a neutral sense
ehrlich gesagt 0.0
um ehrlich zu sein 0.0
so schnell wie möglich 0.0
möglichst schnell 0.0
schnellstmöglich* 0.0
schnellstens 0.0
am besten 0.5
nach bestem wissen 0.0
bestem wissen und gewissen 0.0
im besten fall 0.0
bestenfalls 0.0
schlechtesten fall 0.0
schlimmstenfalls -0.5
idealerweise 0.3
gut und gerne 0.0
so gut wie 0.0
so gut es geht 0.0
erste klasse 0.0
ersten klasse 0.0
zweite klasse 0.0
zweiten klasse 0.0
kündigungsfrist* -0.3
kündigungsbestätigung* 0.0
ausgelöst* 0.0
aufgelöst* 0.0
abgelöst* 0.0
eingelöst 0.8
auslöste 0.0
aufgefallen 0.0
eingefallen 0.0
angefallen 0.0
abgefallen 0.0
vorgefallen 0.0
zugefallen 0.0
hingefallen -0.5
umgefallen -0.5
runtergefallen -0.8
heruntergefallen -0.8
weggefallen -0.5
abgehakt 0.3
empfehlt 2.0

# compounds whose ending is a lexicon word by accident
zeitraum* 0.0
steuer* 0.0
monteur* 0.0
installateur* 0.0
redakteur* 0.0
abenteuer* 1.0
vermögen* 0.0
flüge 0.0
flügen 0.0
optimist* 1.3
pessimist* -1.0
preisklasse* 0.0
wagenklasse* 0.0
tarifklasse* 0.0
mittelklasse* 0.0
oberklasse* 0.0
kompaktklasse* 0.0
fahrzeugklasse* 0.0
energieeffizienzklasse* 0.0
effizienzklasse* 0.0
schadenfreiheitsklasse* 0.0
pflegeklasse* 0.0
schulklasse* 0.0

# words whose ending is a lexicon word by accident (compound-head rule), continued
gleis* 0.0
entgleis* -1.5
kleider* 0.0
berufsunfähig* 0.0
arbeitsunfähig* 0.0
erwerbsunfähig* 0.0
dienstunfähig* 0.0
zahlungsunfähig* -1.0
schätz* 0.0
abflüg* 0.0
anflüg* 0.0
abflug* 0.0
gedanke* 0.0
angepasst* 0.0
aufgepasst 0.0
eingepasst 0.0
abgepasst 0.0
preisempfehlung* 0.0
kaufempfehlung* 1.0
berichterstattung* 0.0
schwergefallen -0.5
gesteuert* 0.0
besteuer* 0.0
ansteuer* 0.0
einverständnis* 0.0
nächstbest* 0.0
erstbest* 0.0
zweitbest* 0.5
ankündig* 0.0
angekündigt* 0.0
verkündig* 0.0
vorankündig* 0.0
ermäßig* 1.0
wiederholung* 0.0
überholung* 0.0
unerwartet* 0.0
abgewartet 0.0
regelung* 0.0
auflösung* 0.0
ablösung* 0.0
einlösung* 0.5
spann* 0.0
amateur* 0.0
akteur* 0.0
importeur* 0.0
exporteur* 0.0
spediteur* 0.0
gastraum* 0.0
frachtraum* 0.0
dienstraum* 0.0
economyklasse* 0.0
businessklasse* 0.0
komfortklasse* 0.0
premiumklasse* 0.0
luxusklasse* 0.0
buchungsklasse* 0.0
reiseklasse* 0.0
altersklasse* 0.0
gewichtsklasse* 0.0
größenklasse* 0.0
güteklasse* 0.0
konzernspitze* 0.0
bahnspitze* 0.0
unternehmensspitze* 0.0
führungsspitze* 0.0
lastspitze* 0.0
zugspitze* 0.0
lärmschutz* 0.0
umweltfreundlich* 0.8
klimafreundlich* 0.8
neugierig* 0.3
wissbegierig* 0.5

# unknown compounds that the engine would judge by a strong first part ("beste" in "Bestellung")
bestell* 0.0
besteh* 0.0
bestech* -2.3
dreistellig* 0.0
dreistufig* 0.0
dreistündig* 0.0
supermarkt* 0.0
supermärkt* 0.0
sauerstoff* 0.0
sauerkraut* 0.0
spitzenzeit* 0.0
spitzenlast* 0.0
idealfall* 0.3
schönefeld* 0.0
schönfärb* -1.2
schönred* -1.5
schöngeredet* -1.5
genossenschaft* 0.0
mehrwertsteuer* 0.0
besteck* 0.0
dreistöckig* 0.0
superbenzin* 0.0
sauerteig* 0.0
sauerbraten* 0.0
sauerland* 0.0
schätzend* 0.0
ungeliebt* -1.5
vignette* 0.0
luftraum* 0.0
transportraum* 0.0
standardklasse* 0.0
schutzklasse* 0.0
leistungsklasse* 0.0
`;
