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
ausgelöst 0.0
aufgelöst 0.0
abgelöst 0.0
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
`;
