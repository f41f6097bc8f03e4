/**
 * German lexicon, CX phrases: waiting, being passed around, contacting again and again, no answer,
 * outcomes, recommendations and fixed idioms. A phrase is a run of consecutive tokens; its value
 * replaces the values of its words. Negated idioms ("nicht zu empfehlen") are listed because their
 * strength differs from what the engine's negation rule would give.
 */
export const PHRASES_WAITING = `
# waiting and time
hat ewig gedauert -2.5
hat ewig* gedauert -2.5
dauerte ewig* -2.5
dauert ewig* -2.5
ewig* gewartet -2.5
ewig* warten -2.5
eine ewigkeit -2.0
ewigkeiten -2.0
halbe ewigkeit -2.0
lange gewartet -1.8
lange warten -1.6
lange wartezeit* -2.0
endlos gewartet -2.6
stundenlang gewartet -2.5
stundenlang in der warteschleife -2.8
tagelang gewartet -2.5
wochenlang gewartet -2.7
monatelang gewartet -3.0
umsonst gewartet -2.3
vergeblich gewartet -2.3
umsonst angerufen -2.2
umsonst gefahren -2.2
warte seit -2.0
warten seit -2.0
warte immer noch -2.3
warten immer noch -2.3
warte noch immer -2.3
warten noch immer -2.3
wartet man -1.0
seit wochen -1.8
seit monaten -2.0
seit tagen -1.5
seit stunden -1.8
seit ewigkeiten -2.3
immer noch nicht -1.8
immer noch kein -1.8
immer noch keine -1.8
noch immer nicht -1.8
noch immer kein -1.8
noch immer keine -1.8
bis heute nicht -2.0
bis heute kein -2.0
bis heute keine -2.0
bis jetzt nicht -1.6
bis jetzt keine -1.6
bis dato nicht -1.8
bis dato keine -1.8
nach wie vor nicht -1.8
nach wie vor kein -1.8
nach wie vor keine -1.8
ist nichts passiert -2.2
nichts ist passiert -2.2
passiert ist nichts -2.2
tut sich nichts -2.0
tat sich nichts -2.0
hat sich nichts getan -2.2
nichts getan -1.8
nichts gehört -1.8
nie wieder etwas gehört -2.5
nichts mehr gehört -2.3
hört man nichts -2.0
zu spät -1.8
viel zu spät -2.3
deutlich zu spät -2.2
kam zu spät -2.0
kamen zu spät -2.0
zu lange -1.6
viel zu lange -2.2
zu lang -1.5
dauerte zu lange -2.0
dauert zu lange -2.0
lange dauer -1.5
lange wartezeiten -2.0
extrem lange -2.0
unzumutbar lange -2.8
schnell bearbeitet 2.0
schnell erledigt 2.2
sofort erledigt 2.3
sofort bearbeitet 2.0
sofort geholfen 2.5
schnell geholfen 2.4
schnell reagiert 2.0
sofort reagiert 2.2
prompt reagiert 2.2
schnelle reaktion 2.0
schnelle antwort 2.0
schnelle rückmeldung 2.0
schnelle bearbeitung 2.0
schnelle hilfe 2.3
ohne wartezeit 2.0
keine wartezeit 2.0
kaum wartezeit 1.5
ohne lange wartezeit 2.0
keine lange wartezeit 2.0
innerhalb von minuten 1.8
am selben tag 1.5
noch am selben tag 2.0
gleich am nächsten tag 1.8
schneller als erwartet 2.5
früher als erwartet 2.2
früher als angekündigt 2.2
vor der zeit 1.5
in rekordzeit 2.5
ruck zuck 2.0
ruckzuck 2.0
im handumdrehen 2.2
zack zack 1.5
`;

export const PHRASES_CONTACT = `
# being passed around
von a nach b -2.0
von einem zum anderen -2.0
von einer abteilung zur nächsten -2.3
von einer abteilung zur anderen -2.3
von pontius zu pilatus -2.5
hin und her -1.5
hin und her geschickt -2.3
hin und her verbunden -2.3
hin und her geschoben -2.3
immer wieder weiterverbunden -2.3
mehrfach weiterverbunden -2.2
dreimal weiterverbunden -2.3
falsch verbunden -1.5
ins leere -1.8
niemand fühlt sich zuständig -2.5
keiner fühlt sich zuständig -2.5
keiner ist zuständig -2.3
niemand ist zuständig -2.3
nicht zuständig -1.5
angeblich nicht zuständig -2.0
fühlt sich niemand zuständig -2.5
fühlt sich keiner zuständig -2.5
schieben sich die schuld -2.3
schiebt die schuld -2.0
die schuld zugeschoben -2.0
den schwarzen peter -2.0
die verantwortung abgeschoben -2.2
verwiesen auf -0.8
wird man vertröstet -2.0
wurde vertröstet -2.0
immer wieder vertröstet -2.5
mit ausreden abgespeist -2.6
mit floskeln abgespeist -2.5
leere versprechungen -2.3
leere versprechen -2.3
nur leere worte -2.3
nur ausreden -2.2
nur textbausteine -2.0
nur standardantworten -2.0
standardantwort* -1.3
textbaustein* -1.2
automatische antwort -0.8

# repeat contacts
x-mal angerufen -2.2
x-mal nachgefragt -2.2
x-mal geschrieben -2.2
zigmal -1.5
zig mal -1.5
zigfach -1.3
unzählige male -2.0
unzählige anrufe -2.2
unzählige e-mails -2.2
unzählige mails -2.2
etliche male -1.8
etliche anrufe -2.0
mehrfach angerufen -1.8
mehrmals angerufen -1.8
mehrfach nachgefragt -1.8
mehrmals nachgefragt -1.8
mehrfach geschrieben -1.8
mehrfach gemeldet -1.8
mehrfach reklamiert -2.2
mehrfach beschwert -2.3
zweimal angerufen -1.2
dreimal angerufen -2.2
viermal angerufen -2.4
fünfmal angerufen -2.6
zehnmal angerufen -2.8
dreimal nachgefragt -2.2
dreimal geschrieben -2.2
zum zweiten mal -1.3
zum dritten mal -2.0
zum vierten mal -2.3
zum fünften mal -2.5
zum x-ten mal -2.5
zum wiederholten mal -2.3
zum wiederholten male -2.3
wiederholt -0.8
schon wieder -1.2
jedes mal aufs neue -1.8
jedes mal das gleiche -2.0
jedes mal dasselbe -2.0
immer das gleiche -1.8
immer dasselbe -1.8
immer wieder das gleiche -2.2
alle paar tage -1.0
jedes mal wieder -1.5
erneut angerufen -1.3
erneut nachgefragt -1.3
noch einmal angerufen -1.0
wieder angerufen -1.0
wieder nachgefragt -1.0
nachhaken -1.0
nachgehakt -1.2
hinterhertelefonieren -2.2
hinterher telefonieren -2.2
hinterherlaufen -2.0
hinterher laufen -2.0
hinterherrennen -2.2
alles dreimal erklären -2.3
alles nochmal erklären -2.0
jedes mal neu erklären -2.3
jedes mal von vorne -2.3
wieder von vorne -1.8
von vorne anfangen -1.8
zurück auf anfang -1.5

# no answer
keine antwort* -2.0
keinerlei antwort -2.3
keine rückmeldung* -2.0
keinerlei rückmeldung -2.3
keine reaktion* -2.0
keinerlei reaktion -2.3
keine rückantwort -2.0
kein rückruf -2.0
keinen rückruf -2.0
keine rückrufe -2.0
keine eingangsbestätigung -1.5
keine bestätigung -1.3
keine info -1.5
keine infos -1.5
keine information* -1.6
keinerlei information* -2.0
keine auskunft -1.8
keine hilfe -2.0
keinerlei hilfe -2.3
keine lösung -2.0
keine entschuldigung -2.0
nicht mal eine entschuldigung -2.5
nicht einmal eine entschuldigung -2.5
ohne entschuldigung -1.8
ohne ergebnis -2.0
ohne erfolg -1.8
ohne rückmeldung -1.8
ohne antwort -1.8
ohne vorwarnung -1.5
ohne ankündigung -1.5
ohne begründung -1.5
ohne rücksprache -1.5
ohne grund -1.5
niemand meldet sich -2.3
keiner meldet sich -2.3
meldet sich niemand -2.3
meldet sich keiner -2.3
hat sich niemand gemeldet -2.5
hat sich keiner gemeldet -2.5
hat sich nie gemeldet -2.5
nie gemeldet -2.2
nicht gemeldet -2.0
nicht mehr gemeldet -2.2
niemand ruft zurück -2.6
keiner ruft zurück -2.6
ruft niemand zurück -2.6
ruft keiner zurück -2.6
ruft* niemand zurück -2.6
ruft* keiner zurück -2.6
rief niemand zurück -2.6
rief nie zurück -2.5
nie zurückgerufen -2.5
nicht zurückgerufen -2.0
kein rückruf erfolgt -2.3
versprochener rückruf -2.0
rückruf versprochen -1.8
niemand geht ran -2.3
keiner geht ran -2.3
geht niemand ran -2.3
geht keiner ran -2.3
niemand erreichbar -2.3
keiner erreichbar -2.3
niemand zu erreichen -2.3
nicht zu erreichen -2.2
nicht erreichbar -2.0
schwer erreichbar -1.8
schwer zu erreichen -1.8
kaum erreichbar -2.0
kaum zu erreichen -2.0
telefonisch nicht erreichbar -2.3
nie erreichbar -2.5
besetzt -0.8
ständig besetzt -2.0
immer besetzt -2.0
dauerbesetzt* -2.2
in der warteschleife -1.5
in der warteschlange -1.2
aus der leitung geflogen -2.2
aus der leitung geworfen -2.2
rausgeflogen -1.8
verbindung getrennt -1.8
ins leere gelaufen -2.0
`;

export const PHRASES_OUTCOME = `
# things working out
hat alles geklappt 2.3
alles hat geklappt 2.3
alles geklappt 2.2
hat super geklappt 2.8
hat gut geklappt 2.2
hat reibungslos geklappt 2.6
hat problemlos geklappt 2.5
hat wunderbar geklappt 2.8
hat prima geklappt 2.6
lief alles glatt 2.5
alles lief glatt 2.5
lief glatt 2.2
verlief reibungslos 2.5
ging alles glatt 2.5
ging schnell 1.8
ging ganz schnell 2.2
ging sehr schnell 2.2
ging problemlos 2.2
ohne probleme 2.0
ohne jegliche probleme 2.3
ohne komplikationen 2.0
ohne schwierigkeiten 2.0
ohne zwischenfälle 1.8
ohne beanstandungen 1.8
ohne mängel 1.8
ohne murren 1.8
ohne diskussion 1.8
ohne wenn und aber 2.0
schnell und unkompliziert 2.5
schnell und zuverlässig 2.5
schnell und freundlich 2.5
freundlich und kompetent 2.6
kompetent und freundlich 2.6
nett und hilfsbereit 2.5
freundlich und hilfsbereit 2.5
alles bestens 2.5
alles super 2.6
alles top 2.5
alles prima 2.4
alles perfekt 2.8
alles gut 1.8
alles okay 1.3
alles ok 1.3
alles in ordnung 1.5
in ordnung 1.0
passt alles 1.8
hat alles gepasst 2.2
alles gepasst 2.0
alles richtig gemacht 2.4
wie versprochen 1.8
wie vereinbart 1.5
wie angekündigt 1.2
wie besprochen 1.2
wie erwartet 0.8
wie gewohnt 0.5
wie immer top 2.5
wie immer super 2.5
wie immer gut 2.0
besser als erwartet 2.5
mehr als zufrieden 2.8
über erwartung 2.5
über den erwartungen 2.5
erwartungen übertroffen 2.8
erwartungen erfüllt 1.8
erwartungen voll erfüllt 2.3
voll und ganz zufrieden 2.8
nichts auszusetzen 2.2
nichts zu meckern 2.2
nichts zu bemängeln 2.2
nichts zu beanstanden 2.2
kann mich nicht beklagen 1.8
kann nicht klagen 1.5
keine beanstandungen 1.8
kein problem 1.2
keine probleme 1.5
keinerlei probleme 2.0
problem gelöst 2.2
problem wurde gelöst 2.2
problem behoben 2.0
problem wurde behoben 2.0
fehler behoben 1.8
fehler wurde behoben 1.8
sofort gelöst 2.5
schnell gelöst 2.4
umgehend gelöst 2.4
direkt gelöst 2.2
gleich gelöst 2.2
problemlos gelöst 2.5
das problem gelöst 2.2
problem schnell gelöst 2.4
problem sofort gelöst 2.5
problem umgehend gelöst 2.4
problem direkt gelöst 2.2
problem schnell behoben 2.2
problem sofort behoben 2.3
problem wurde schnell gelöst 2.4
problem wurde sofort gelöst 2.5
problem ist gelöst 2.2
problem war schnell gelöst 2.4
anliegen gelöst 2.0
anliegen schnell bearbeitet 2.2
anliegen sofort bearbeitet 2.2
anliegen wurde schnell bearbeitet 2.2
zur vollsten zufriedenheit 3.0
zu meiner vollsten zufriedenheit 3.0
zu meiner zufriedenheit 2.2
hat mir sehr geholfen 2.5
hat mir weitergeholfen 2.2
konnte mir helfen 1.8
konnte helfen 1.5
nimmt sich zeit 2.0
nahm sich zeit 2.0
hat sich zeit genommen 2.2
sich viel zeit genommen 2.4
mit viel geduld 2.2
mit engelsgeduld 2.6
ein offenes ohr 2.0
stets erreichbar 2.0
immer erreichbar 2.0
jederzeit erreichbar 2.0
gut erreichbar 1.8
sofort erreichbar 1.8
hand in hand 1.2
am ende alles gut 1.8
ende gut alles gut 2.0
hat sich gelohnt 2.2
lohnt sich 2.0
lohnt sich nicht -1.8
hat sich nicht gelohnt -2.0
jeden cent wert 2.8
jeden euro wert 2.8
sein geld wert 2.2
ihr geld wert 2.2

# things going wrong
hat nicht geklappt -1.8
klappt nicht -1.8
klappte nicht -1.8
nichts hat geklappt -2.5
hat nicht funktioniert -2.0
funktioniert nicht -2.0
funktionierte nicht -2.0
funktionieren nicht -2.0
funktioniert immer noch nicht -2.5
funktioniert gar nicht -2.5
funktioniert überhaupt nicht -2.8
geht gar nicht -2.5
geht überhaupt nicht -2.5
geht einfach nicht -2.0
läuft nicht -1.5
nichts geht mehr -2.3
nichts funktioniert -2.5
ging schief -2.0
ging alles schief -2.6
lief schief -2.0
läuft schief -2.0
schiefgelaufen -2.0
schief gelaufen -2.0
schiefgegangen -2.0
schief gegangen -2.0
in die hose gegangen -2.3
den bach runter -2.5
nicht eingehalten -2.0
nicht gehalten -1.8
nicht wie vereinbart -2.0
nicht wie versprochen -2.0
anders als versprochen -2.0
anders als vereinbart -2.0
entgegen der zusage -2.2
trotz zusage -2.0
trotz mehrfacher -1.8
trotz mehrmaliger -1.8
trotz mehrerer -1.5
trotz wiederholter -1.8
trotz vereinbarung -1.8
trotz termin -1.5
ohne lösung -2.0
noch keine lösung -2.0
nicht gelöst -2.0
immer noch nicht gelöst -2.6
bis heute nicht gelöst -2.6
nicht behoben -2.0
nicht repariert -1.8
nicht erledigt -1.8
nichts erreicht -2.0
nichts gebracht -1.8
hat nichts gebracht -2.0
bringt nichts -1.8
brachte nichts -1.8
hilft nicht -1.8
half nicht -1.8
half nichts -2.0
hilft nichts -2.0
keinen schritt weiter -2.0
kein stück weiter -2.0
nicht weitergeholfen -2.0
nicht helfen -1.8
nicht weiterhelfen -2.0
kann nicht helfen -1.8
konnte nicht helfen -1.8
konnte mir nicht helfen -2.0
konnte uns nicht helfen -2.0
konnte mir niemand helfen -2.5
konnte uns niemand helfen -2.5
konnte keiner helfen -2.5
niemand konnte helfen -2.5
keiner konnte helfen -2.5
niemand weiß bescheid -2.2
keiner weiß bescheid -2.2
weiß niemand bescheid -2.2
weiß keiner bescheid -2.2
jeder sagt etwas anderes -2.3
jeder erzählt etwas anderes -2.3
widersprüchliche aussagen -2.0
widersprüchliche informationen -2.0
falsche auskunft -2.0
falsche auskünfte -2.2
falsche informationen -2.0
falsch informiert -2.0
falsch beraten -2.2
schlecht beraten -2.0
nicht informiert -1.8
nicht benachrichtigt -1.8
nicht rechtzeitig -1.8
im dunkeln gelassen -2.2
im regen stehen gelassen -2.5
im regen stehen -2.0
auf der strecke geblieben -1.8
auf den kosten sitzen -2.2
auf dem schaden sitzen -2.3
zahlen für nichts -2.5
für nichts bezahlt -2.5
geld zurückbekommen 1.5
geld zurückerhalten 1.5
geld erstattet 1.5
geld nie zurückbekommen -2.5
warte auf mein geld -2.2
warte noch auf mein geld -2.4
warte immer noch auf mein geld -2.6
`;

export const PHRASES_VERDICT = `
# recommendation and verdict
gerne wieder 2.5
gern wieder 2.5
jederzeit wieder 2.8
immer wieder gerne 2.8
immer gerne wieder 2.8
komme gerne wieder 2.6
kommen gerne wieder 2.6
kommen wir gerne wieder 2.6
komme wieder 2.0
kommen wieder 2.0
kaufe gerne wieder 2.6
bestelle gerne wieder 2.6
buche gerne wieder 2.6
wieder buchen 1.8
wieder bestellen 1.8
werde wieder bestellen 2.0
werde wieder buchen 2.0
nur zu empfehlen 2.8
nur weiterzuempfehlen 2.8
kann ich nur empfehlen 2.8
kann man nur empfehlen 2.8
absolut zu empfehlen 3.0
sehr zu empfehlen 2.8
uneingeschränkt zu empfehlen 3.0
wärmstens zu empfehlen 3.0
klare empfehlung 2.8
absolute empfehlung 3.0
volle empfehlung 2.8
empfehlung wert 2.5
eine empfehlung wert 2.5
daumen hoch 2.2
zwei daumen hoch 2.6
fünf sterne 2.5
volle punktzahl 2.8
zehn von zehn 2.8
hut ab 2.5
respekt an 1.8
großes lob 2.8
ein großes lob 2.8
großen dank 2.4
ein großes dankeschön 2.8
vielen dank 2.0
vielen lieben dank 2.6
herzlichen dank 2.4
tausend dank 2.6
besten dank 2.0
danke schön 2.0
danke sehr 2.0
danke nochmal 2.0
danke für die schnelle 2.5
weiter so 2.2
macht weiter so 2.4
bitte weiter so 2.3
bitte so weitermachen 2.3
nie wieder -2.8
niemals wieder -3.0
nie mehr -1.5
nie wieder bestellen -3.0
nie wieder buchen -3.0
nie wieder kaufen -3.0
nie wieder hier -3.0
nie wieder dieser -3.0
nie wieder diese -3.0
kein zweites mal -2.5
nicht noch einmal -2.0
einmal und nie wieder -3.2
finger weg -2.8
hände weg -2.8
bloß weg -2.5
nichts wie weg -2.5
nicht zu empfehlen -2.5
nicht empfehlenswert -2.5
absolut nicht zu empfehlen -3.2
auf keinen fall zu empfehlen -3.2
keinesfalls zu empfehlen -3.2
nicht weiterzuempfehlen -2.6
kann ich nicht empfehlen -2.5
kann man nicht empfehlen -2.5
würde ich nicht empfehlen -2.5
rate ab -2.3
rate dringend ab -2.8
rate jedem ab -2.8
kann nur abraten -2.8
nur abraten -2.8
dringend abraten -2.8
abzuraten -2.5
warnen -1.5
warne -1.8
warnung -1.5
vorsicht -1.2
daumen runter -2.2
null sterne -2.8
ein stern -2.0
einen stern -2.0
keinen stern -2.8
wenn ich könnte null sterne -3.0
setzen sechs -2.5
note sechs -2.5
sechs minus -2.5
thema durch -1.8
für mich erledigt -2.3
zum letzten mal -1.5
war das letzte mal -2.3
letzter versuch -1.5
ich kündige -2.2
werde kündigen -2.0
habe gekündigt -1.8
anbieterwechsel* -1.0
wechsle den anbieter -2.2
wechsel zur konkurrenz -2.2
zur konkurrenz -2.0
bei der konkurrenz -1.5
ehemaliger kunde -1.5
so geht das nicht -2.3
so geht es nicht -2.3
das geht so nicht -2.3
unter aller sau -3.0
unter aller kanone -2.8
unter aller würde -2.8
unter jeder kritik -2.8
das allerletzte -3.0
das ist ja wohl die höhe -3.0
gipfel der frechheit -3.0
gipfel der unverschämtheit -3.0
das schlägt dem fass den boden aus -3.0
dem fass den boden aus -3.0
das fass zum überlaufen -2.5
der tropfen der das fass -2.5
der letzte tropfen -2.0
eine bodenlose frechheit -3.2
bodenlos* -2.5
hält nicht was -2.0
nicht das gelbe vom ei -1.8
das gelbe vom ei 2.0
nicht der rede wert -1.0
keine rede wert -1.0
luft nach oben -1.0
viel luft nach oben -1.5
geht besser -0.8
geht so -0.5
könnte besser sein -1.2
könnte besser laufen -1.2
hätte besser sein können -1.3
es geht auch besser -1.5
nicht so toll -1.5
nicht so prickelnd -1.5
nicht der bringer -1.8
nicht das wahre -1.5
nicht mein fall -1.3
eher mäßig -1.3
sehr mäßig -1.5
nur mäßig -1.3
mäßiger service -1.5
mäßige qualität -1.5
mäßiges essen -1.5
mäßig bis schlecht -2.0
eher schlecht -2.0
eher enttäuschend -2.0
mehr schlecht als recht -2.2
schlecht und recht -1.5
recht und schlecht -1.5
zu wünschen übrig -2.0
lässt zu wünschen übrig -2.0
ließ zu wünschen übrig -2.0
lässt sehr zu wünschen übrig -2.6
lässt viel zu wünschen übrig -2.6
ins auge gegangen -2.0
auf ganzer linie versagt -3.0
komplett versagt -3.0
total versagt -3.0
völlig versagt -3.0
`;
