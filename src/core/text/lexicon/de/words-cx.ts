/**
 * German lexicon, domain words and phrases: telecom and internet, e-commerce and delivery, travel
 * and hotels, energy, insurance and banking, public transport, appointments and technicians, apps
 * and websites. Neutral process words (Rücksendung, Abschlag, Tarif, Zählerstand) stay out.
 */
export const CX_TELECOM_DIGITAL = `
# telecom and internet
funkloch* -2.0
funklöcher -2.0
kein netz -2.0
kein empfang -2.0
keinen empfang -2.0
schlechter empfang -2.0
schlechtes netz -2.0
kein internet -2.0
kein wlan -1.8
keine verbindung -1.8
keine internetverbindung -2.0
internet weg -2.0
netz weg -2.0
wlan weg -1.8
verbindung bricht ab -2.0
verbindung bricht ständig ab -2.5
bricht ständig ab -2.3
bricht ständig zusammen -2.5
ständig abbrüche -2.3
ständige abbrüche -2.3
ständige ausfälle -2.5
ständig offline -2.2
dauernd offline -2.2
offline -0.8
netzausfall* -2.0
internetausfall* -2.2
drossel* -1.5
kriechend langsam -2.3
lahmes internet -2.2
lahme leitung -2.0
bandbreite stimmt nicht -2.0
nur ein bruchteil -2.0
bruchteil der -1.5
stabile verbindung 1.8
stabiles internet 1.8
stabiles netz 1.8
schnelles internet 1.8
gute netzabdeckung 2.0
gutes netz 1.8
super netz 2.3
volle geschwindigkeit 1.5
schaltung verschoben -2.0
anschluss nicht geschaltet -2.3
noch nicht geschaltet -2.0
leitung tot -2.3
tote leitung -2.3
rauschen -0.8
knackt -0.8
verbindung abgebrochen -2.0
gespräch abgebrochen -2.0
gespräche brechen ab -2.2

# apps and websites
stürzt ständig ab -2.6
stürzt dauernd ab -2.6
stürzt immer ab -2.5
hängt ständig -2.2
lädt nicht -1.8
lädt ewig -2.2
lädt ewig* -2.2
ladezeiten -0.8
lange ladezeit* -1.8
error -1.5
fehlercode* -1.3
bug -1.5
bugs -1.5
buggy -1.8
verbuggt* -2.2
app stürzt ab -2.4
server down -2.0
seite down -2.0
down -1.0
wartungsarbeiten -0.5
login geht nicht -2.0
login funktioniert nicht -2.0
passwort vergessen 0.0
passwort zurücksetzen 0.0
kann mich nicht einloggen -2.0
kann mich nicht anmelden -2.0
kein zugriff -1.8
zugriff verweigert -2.0
gesperrt worden -2.0
account gesperrt -2.2
konto gesperrt -2.2
karte gesperrt -1.8
bestellung hängt -1.8
zahlung fehlgeschlagen -2.0
fehlgeschlagen* -1.8
schlägt fehl -1.8
schlug fehl -1.8
geht nicht weiter -1.8
kommt nicht weiter -1.8
dreht sich nur -1.5
weiße seite -1.5
leere seite -1.2
chatbot -0.5
nur ein chatbot -2.0
nur ein bot -2.0
bot versteht nicht -2.2
versteht mich nicht -1.8
sinnlose schleife -2.3
kein menschlicher ansprechpartner -2.3
kein ansprechpartner -2.0
keinen ansprechpartner -2.0
kein mensch -1.8
keinen menschen -1.8
einfach zu bedienen 2.2
leicht zu bedienen 2.2
einfach zu finden 1.5
leicht zu finden 1.5
schnell gefunden 1.5
sofort gefunden 1.8
gut gemacht 2.2
toll gemacht 2.5
super gemacht 2.6
schön gemacht 2.2
gut umgesetzt 2.0
schlecht umgesetzt -2.0
schlecht gemacht -2.2
schlecht programmiert -2.3
nicht durchdacht -2.0
schlecht durchdacht -2.2
nicht zu finden -1.8
nirgends zu finden -2.0
nirgendwo zu finden -2.0
versteckt im menü -1.8
tief versteckt -1.8
nicht auffindbar* -1.8
datenleck* -2.8
gehackt -2.5
sicherheitslücke* -2.5
phishing -2.3
spam -1.5
werbemüll -2.0
newsletter-flut -1.8
werbeflut* -1.8
`;

export const CX_COMMERCE_TRAVEL = `
# ordering and delivery
nicht angekommen -2.2
nie angekommen -2.8
noch nicht angekommen -1.8
nicht geliefert -2.2
nie geliefert -2.8
nicht zugestellt -2.2
nie zugestellt -2.8
nicht erhalten -2.0
nie erhalten -2.6
noch nicht erhalten -1.8
falsch geliefert -2.0
falsche ware -2.0
falscher artikel -2.0
falsche größe -1.5
falsche farbe -1.5
unvollständig geliefert -2.0
teile fehlen -1.8
teil fehlt -1.6
beschädigt angekommen -2.4
beschädigt geliefert -2.4
kaputt angekommen -2.5
defekt angekommen -2.5
zerbrochen angekommen -2.5
verpackung beschädigt -1.8
schlecht verpackt -2.0
lieblos verpackt -2.0
gut verpackt 1.8
liebevoll verpackt 2.6
sicher verpackt 1.8
ordentlich verpackt 1.6
paket verschwunden -2.4
paket verloren -2.4
sendung verloren -2.4
sendungsverfolgung funktioniert nicht -2.0
vor der tür abgestellt -1.5
einfach abgestellt -1.8
im regen abgestellt -2.3
nicht geklingelt -2.0
hat nicht geklingelt -2.2
nicht mal geklingelt -2.5
zettel im briefkasten -1.2
benachrichtigungskarte -0.5
angeblich nicht angetroffen -2.6
angeblich niemand angetroffen -2.6
angeblich zugestellt -2.6
angeblich geliefert -2.6
lieferverzug* -1.8
verspätete lieferung -2.0
verzögerte lieferung -2.0
pünktliche lieferung 2.0
schnelle lieferung 2.2
blitzschnelle lieferung 2.8
schneller versand 2.0
schnell versendet 2.0
schnell verschickt 2.0
zügig geliefert 2.0
am nächsten tag geliefert 2.2
einen tag früher 1.8
sofort lieferbar 1.2
nicht lieferbar -1.5
ausverkauft -1.0
vergriffen -1.0
nicht vorrätig -1.2
ware mangelhaft -2.3
wie beschrieben 1.5
wie abgebildet 1.5
nicht wie beschrieben -2.0
nicht wie abgebildet -2.0
entspricht nicht -1.8
entspricht nicht der beschreibung -2.2
passt perfekt 2.5
passt wie angegossen 2.8
sitzt perfekt 2.5
billige verarbeitung -1.8
gute verarbeitung 2.0
hochwertige verarbeitung 2.4
schlechte verarbeitung -2.3
nach kurzer zeit kaputt -2.6
nach wenigen tagen kaputt -2.6
nach einer woche kaputt -2.6
schon kaputt -2.3
gleich kaputt -2.3
sofort kaputt -2.5
fällt auseinander -2.3
fiel auseinander -2.3
löst sich auf -1.8
geht kaputt -2.0
ging kaputt -2.0
umtausch problemlos 2.2
problemloser umtausch 2.2
rücksendung problemlos 2.0
problemlose rücksendung 2.0
retoure problemlos 2.0
geld zurückerstattet 1.8
sofort erstattet 2.2
schnell erstattet 2.2
noch nicht erstattet -2.0
nicht erstattet -2.0
keine erstattung -2.0
keine gutschrift -1.8
gutschein statt geld -1.8
nur einen gutschein -1.8
abgelehnte reklamation -2.2
reklamation abgelehnt -2.2
garantie abgelehnt -2.3
kulanz abgelehnt -2.3
keine kulanz -2.0

# travel and hotel
zimmer war sauber 2.0
sauberes zimmer 2.0
schmutziges zimmer -2.3
dreckiges zimmer -2.5
zimmer nicht fertig -2.0
zimmer nicht gereinigt -2.3
nicht gereinigt -2.0
nicht sauber gemacht -2.2
haare im bett -2.5
haare in der dusche -2.2
flecken auf -1.8
schimmel im bad -2.8
schimmel in der dusche -2.8
warmwasser fehlt -2.0
kein warmwasser -2.2
kein warmes wasser -2.2
kaltes wasser -0.8
heizung kaputt -2.3
heizung funktioniert nicht -2.3
klimaanlage kaputt -2.3
klimaanlage funktioniert nicht -2.3
keine klimaanlage -1.5
klima ausgefallen -2.3
sehr hellhörig -2.0
dünne wände -1.5
zu laut -1.5
viel zu laut -2.0
sehr laut -1.3
extrem laut -1.8
ziemlich laut -1.0
recht laut -1.0
total laut -1.8
furchtbar laut -2.2
schön ruhig 2.2
sehr ruhig 1.8
angenehm ruhig 2.2
ruhige lage 1.8
tolle lage 2.5
top lage 2.5
perfekte lage 2.8
zentrale lage 1.5
super lage 2.5
toller ausblick 2.5
herrlicher ausblick 2.8
traumhafter ausblick 3.0
tolle aussicht 2.5
zu klein -1.2
viel zu klein -1.8
winziges zimmer -1.8
zu eng -1.2
zu kalt -1.3
zu warm -1.0
zu heiß -1.2
zu dunkel -1.0
zu hart -1.0
zu weich -0.8
zu teuer -1.8
viel zu teuer -2.3
zu wenig -1.0
frühstück war lecker 2.3
leckeres frühstück 2.3
reichhaltiges frühstück 2.0
gutes frühstück 2.0
kaltes essen -1.8
essen war kalt -2.0
bestes essen 3.0
überbucht* -2.2
doppelt gebucht -1.5
buchung nicht gefunden -2.3
buchung storniert -1.3
keine reservierung -1.5
reservierung nicht gefunden -2.3
flug gestrichen -2.2
flug annulliert -2.2
annulliert* -1.8
annullierung* -1.6
koffer verloren -2.5
gepäck verloren -2.5
gepäck verschwunden -2.5
koffer beschädigt -2.2
anschlussflug verpasst -2.6
flug verpasst -2.0

# public transport
zug fällt aus -2.2
zug ausgefallen -2.2
zugausfall* -2.2
zugausfälle -2.2
ausfall des zuges -2.2
fährt nicht -1.5
fuhr nicht -1.5
fällt ständig aus -2.8
ständig verspätet -2.6
ständig verspätung -2.6
immer verspätet -2.6
immer verspätung -2.6
jeden tag verspätung -2.7
täglich verspätung -2.7
mal wieder verspätung -2.5
wieder mal verspätung -2.5
schon wieder verspätung -2.6
mal wieder zu spät -2.4
wie immer zu spät -2.6
anschluss verpasst -2.0
anschlusszug verpasst -2.2
anschluss weg -2.0
zug weg -1.8
zug verpasst -1.8
bus verpasst -1.8
pünktlich abgefahren 1.8
pünktlich angekommen 2.0
auf die minute 2.2
auf die minute pünktlich 2.8
minutengenau 2.2
überfüllter zug -2.2
zug überfüllt -2.2
kein sitzplatz -1.8
keinen sitzplatz -1.8
stehplatz -1.0
stehen müssen -1.8
musste stehen -1.8
mussten stehen -1.8
wie die sardinen -2.2
wie in einer sardinenbüchse -2.3
reservierung weg -2.0
reservierungen nicht angezeigt -2.0
wagenreihung -0.5
umgekehrte wagenreihung -1.5
signalstörung* -1.8
weichenstörung* -1.8
stellwerksstörung* -1.8
personen im gleis -1.2
personalmangel* -1.8
personalausfall* -2.0
ersatzhaltestelle -0.5
ohne ansage -1.5
keine ansage -1.5
keine durchsage -1.5
keine durchsagen -1.5
toiletten defekt -2.2
toilette defekt -2.2
toilette kaputt -2.3
wc defekt -2.2
wc kaputt -2.3
toilette verstopft -2.5
verstopft* -1.8
bordbistro geschlossen -1.5
klimaanlage ausgefallen -2.3
kein wlan im zug -2.0
fahrgastrechte -0.8
entschädigung beantragt -0.8
`;

export const CX_FINANCE_SERVICES = `
# energy, insurance, banking, contracts
hohe nachzahlung -2.0
saftige nachzahlung -2.5
horrende nachzahlung -2.8
horrend* -2.3
astronomisch* -2.0
exorbitant* -2.3
utopisch* -1.5
abschlag erhöht -1.5
abschlag verdoppelt -2.3
preis erhöht -1.5
preise erhöht -1.5
preiserhöhung ohne -2.0
ohne ankündigung erhöht -2.5
schätzung statt -1.5
falsch abgelesen -1.8
falsch abgerechnet -2.0
falsche abrechnung -2.0
fehlerhafte abrechnung -2.2
doppelt abgebucht -2.2
doppelt berechnet -2.0
zu viel berechnet -2.0
zu viel abgebucht -2.2
unberechtigt abgebucht -2.5
ohne zustimmung abgebucht -2.5
ohne einwilligung -2.0
ohne mein wissen -2.2
ohne unser wissen -2.2
untergeschoben -2.5
untergejubelt -2.5
aufgeschwatzt -2.3
aufgedrängt -2.0
vertrag untergeschoben -2.8
haustürgeschäft* -1.5
kaltakquise -1.8
werbeanrufe -2.0
werbeanruf* -2.0
ständige anrufe -2.0
lastschrift zurückgegeben -1.0
mahnung trotz -2.5
mahnung obwohl -2.5
inkasso trotz -2.8
versicherung zahlt nicht -2.5
zahlt nicht -1.8
will nicht zahlen -2.2
weigert sich -2.0
weigern sich -2.0
verweigert die zahlung -2.5
leistung abgelehnt -2.2
antrag abgelehnt -1.8
kredit abgelehnt -1.8
schnell ausgezahlt 2.3
sofort ausgezahlt 2.5
schnell reguliert 2.3
problemlos reguliert 2.4
unbürokratisch geholfen 2.8
unbürokratische hilfe 2.6
schadensregulierung problemlos 2.4
anstandslos* 2.0
ohne probleme ausgezahlt 2.4
kündigung nicht bestätigt -2.2
kündigung ignoriert -2.5
kündigungsbestätigung fehlt -2.0
kündigung erschwert -2.3
kündigung verweigert -2.6
kündigung nicht akzeptiert -2.3
automatisch verlängert -1.5
stillschweigend verlängert -2.0
gebühren erhöht -1.8
versteckte kosten -2.3
versteckte gebühren -2.3
versteckte gebühr -2.3
kontoführungsgebühr* -1.0
dispozins* -1.0
negativzins* -1.5
strafzins* -1.8
wartungsgebühr* -0.8
lange bearbeitungszeit -2.0

# appointments and technicians
termin verschoben -1.5
termin abgesagt -1.8
termin nicht eingehalten -2.3
termin geplatzt -2.2
termin vergessen -2.2
termin verpasst -1.8
niemand gekommen -2.5
keiner gekommen -2.5
ist nicht gekommen -2.2
nicht erschienen -2.2
nie erschienen -2.6
nicht aufgetaucht -2.2
nie aufgetaucht -2.6
umsonst frei genommen -2.6
urlaub genommen -0.8
den ganzen tag gewartet -2.6
ganzen tag gewartet -2.6
zeitfenster nicht eingehalten -2.3
termin eingehalten 1.8
pünktlich erschienen 2.0
pünktlich da 2.0
pünktlich vor ort 2.0
kam pünktlich 2.0
techniker war pünktlich 2.2
sehr kompetenter techniker 2.5
kurzfristig einen termin 2.0
kurzfristiger termin 1.8
schnell einen termin 2.0
sofort einen termin 2.2
zeitnah einen termin 1.8
termin sofort 1.5
monate auf einen termin -2.3
wochen auf einen termin -2.0
keinen termin -1.5
kein termin -1.5
keine termine -1.5
dreck hinterlassen -2.3
schmutz hinterlassen -2.2
sauber hinterlassen 2.0
alles sauber hinterlassen 2.3
ordentlich gearbeitet 2.0
sauber gearbeitet 2.2
saubere arbeit 2.2
gute arbeit 2.2
tolle arbeit 2.6
schlechte arbeit -2.3
pfusch am bau -2.5
unfertig* -1.5
halbfertig* -1.6
nicht fertig -1.5
nachbesserung* -1.2
nachgebessert -0.5
mehrfach nachgebessert -1.8
reparatur dauerte -1.5
reparatur dauert -1.5
seit wochen in reparatur -2.5
wieder in reparatur -2.0
schon wieder kaputt -2.6
wieder kaputt -2.3
gleicher fehler -1.8
derselbe fehler -1.8
selber fehler -1.8
gleiche problem -1.8
gleiche problem wieder -2.3
dasselbe problem -1.8
rechnung falsch -2.0
falsche rechnung -2.0
rechnung stimmt nicht -2.0
doppelte rechnung -2.0
konto gekündigt -2.0
überweisung nicht angekommen -2.2
geld verschwunden -2.6
geld weg -2.3
karte funktioniert nicht -2.0
karte einbehalten -2.0
schnelle regulierung 2.2
schnelle auszahlung 2.2
falscher zählerstand -1.8
strom abgestellt -2.2
gas abgestellt -2.2
sperrung angedroht -2.3
stromsperre* -2.3
gassperre* -2.3
bus kam nicht -2.2
zug kam nicht -2.2
bahn kam nicht -2.2
fuhr einfach vorbei -2.3
einfach vorbeigefahren -2.3
keinen termin bekommen -2.0
sofort einen termin bekommen 2.2

# health, public offices, other services
ewige wartezeit -2.5
volles wartezimmer -1.5
überfülltes wartezimmer -2.0
abgewiesen -2.0
weggeschickt -2.0
nach hause geschickt -1.5
ernst genommen 1.8
gut aufgeklärt 2.0
gut beraten 2.0
toll beraten 2.6
super beraten 2.6
kompetent beraten 2.5
ausführlich beraten 2.3
individuell beraten 2.0
individuelle beratung 2.0
persönliche beratung 1.5
kompetente beratung 2.5
gute beratung 2.2
tolle beratung 2.6
schlechte beratung -2.3
keine beratung -1.8
nur verkaufen -1.8
nur ans verkaufen -2.0
nur am verkaufen -2.0
nur aufs geld aus -2.5
nur auf geld aus -2.5
geldgeil* -2.8
profitgier* -2.6
habgierig* -2.5
geldgierig* -2.6
raffgierig* -2.5
geizig* -1.6
`;
