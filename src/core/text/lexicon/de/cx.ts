/**
 * German CX additions written for this project, applied after the word lists (./words-*.ts) so
 * they can adjust them: service verbs whose negation is a complaint ("hat nicht funktioniert"),
 * waiting and contact phrases, incidents and disruptions, greetings that are not praise, and
 * milder values for words that news and announcements use without complaining (Streik, Baustelle).
 */
export const DE_CX = `
funktionier* 1
funzt 1
funzen 0.8
klappt 1
geklappt 1
klappen 0.8
erreichbar 1
angekommen 0.8
geliefert 0.5
geholfen 1.5
hilft 1.2
erledigt 1
ewig -1
ewig gedauert -2.5
hat ewig gedauert -2.5
dauert ewig -2.5
dauerte ewig -2.5
ewig warten -2.5
ewig gewartet -2.5
warte* seit -2
warten seit -2
warteschleife -1.5
in der warteschleife -2
keine antwort* -2
immer noch keine antwort* -2.6
noch immer keine antwort* -2.6
immer noch keine rückmeldung* -2.6
immer noch keine reaktion -2.6
keine rückmeldung* -2
kein rückruf -2
keinen rückruf -2
keine reaktion -2
keine info* -1.5
nicht gemeldet -2
nicht zurückgerufen -2
ruft nicht zurück -2.2
nicht erreichbar -2.2
nie angekommen -2.8
nie geliefert -2.8
nicht angekommen -2.2
nicht geliefert -2.2
kam nie an -2.6
kamen nie an -2.6
kommt nie an -2.4
kam nicht an -2
kommt nicht an -1.8
nie wieder -2.8
danke 0.8
dankeschön 1
vielen dank 1
danke für nichts -2.5
# greetings and sign-offs are not praise
guten morgen 0
guten tag 0
guten abend 0
gute nacht 0
gute reise 0
gute fahrt 0
schönen tag 0
schönen abend 0
schönes wochenende 0
schönen sonntag 0
frohe weihnachten 0
liebe grüße 0
viele grüße 0
beste grüße 0
freundliche grüße 0
freundlichen grüßen 0
# reported rather than experienced: labour disputes and building works are news before they are complaints
streik* -0.8
bestreikt* -1
warnstreik* -0.8
ausstand -0.8
schlichtung* 0
baustelle* 0
streikende 1
# disruptions and failures
entfällt -1
entfallen -0.8
umgeleitet -0.8
umleitung* -0.6
sperrung* -1
außer betrieb -1.8
ausser betrieb -1.8
betroffen -0.8
risiko -0.8
risiken -0.8
sicherheitsrisik* -1.5
schwierig* -1.2
kompliziert* -1.5
umständlich* -1.5
stinkt -2
stinken -2
gestunken -2
komisch* -0.8
geärgert -1.8
ärgere -1.8
überfordert -1.5
überfordern -1.2
nicht verstanden -1.2
nix verstanden -1.5
nichts verstanden -1.5
boykott* -1.5
# incidents: safety concerns wherever customers are (stations, shops, hotels)
gewalt -2
gewalttät* -2.5
gewaltsam* -2
angriff* -2
angegriffen -2.2
angreifen -2
überfall* -2.5
überfallen -2.5
räuber* -2
raub* -2
diebstahl* -2
diebe -2
dieb -2
gestohlen -2
geklaut -2
geplündert -2.5
gesprengt -2
vandalismus -2
randal* -2
pöbel* -2
schlägerei* -2.5
prügel* -2.2
bedroh* -2
missbraucht -3
missbrauch -2.5
vergewaltig* -3.5
sexuell belästigt -3
töten -3
getötet -3
tot -2
tote -2.5
toten -2.5
unfall -2
unfälle -2
unfällen -2
verletzte -1.8
verunglückt -2.5
brand -1.5
evakuiert -1.5
täter -1.5
festgenommen -1
# more failures and grievances
krank -1.2
murks* -2
betrug -2.5
betrüger* -2.5
hinterher -0.6
zum erliegen -2
behinderung* -1.2
erdrutsch -1.5
betrunken* -1.5
misshandel* -3
schläger -2
ungewiss -0.8
nicht möglich -1.5
nicht mehr anmelden -2
nicht anmelden -1.8
nicht mehr einloggen -2
nicht einloggen -1.8
geht nicht mehr -2
wird nicht akzeptiert -1.5
nicht akzeptiert -1.5
unmut -2
blockiert -1.5
bashing -1.5
zusammengequetscht -2
entwendet -2
fehlkalkulation* -2
fehlplanung* -2
fehlinformation* -1.8
fehlentscheidung* -2
# agreement and relief
einigung* 1.5
einigen sich 1.5
geeinigt 1.5
aufatmen 1.5
schnäppchen* 1.5
# "falsch" is often a plain mix-up ("in die falsche Bahn gestiegen"), not a grievance
falsch -1
falsche -0.9
falschen -0.9
falscher -0.9
falsches -0.9
# terms of one industry are not sentiment words (the rules must hold for telecom, hotel, retail)
wagenreihung 0
umgekehrte wagenreihung 0
personen im gleis 0
von a nach b 0
verrott* -2
gestrandet -2
gefangen -1.5
erschreckend* -2
schlampig* -2
schlampt -2
schlamperei -2.2
geräumt -1
ausgedünnt* -1
untreue -2
chaoten -2
liegengeblieben -2
liegenblieb* -2
mist gebaut -2.5
mist baut -2.5
notarzteinsatz -1.5
keine manieren -2
angestarrt -1.2
anstarrt -1.2
angemacht -1.2
besoffen* -1.8
würgt -2.5
erschießt -3
versperrt -1.5
nicht euer ernst -2
nicht ihr ernst -2
wo bleib* -1.5
stimmt* 0.8
stimmen 0.5
skurril* -0.8
leidensgeschichte -2
leidvoll* -2
leiden -1.2
qualm* -1
flammen -1.5
fuck* -2.5
kein platz -1.5
keinen platz -1.5
schubst -1.5
geschubst -1.5
gestoppt -1
abgerissen -1.5
geschleppt -1
verhunger* -2
behindert -1.5
abgekoppelt -1
geschlossen -0.5
schönen feierabend 0
herzlich willkommen 0
# neutral words that would otherwise end in a sentiment word ("Grund|r|einigung", "Maiso|nette")
reinigung* 0
vereinigung* 0
superlativ* 0
crowdfunding 0
maisonette* 0
leseratte* 0
modell* 0
terror -2
unlustig -1
nichterreichbar* -2
# fixed expressions with "kein" that are not complaints
keine frage 0
keine ursache 0
kein thema 0
keine sorge 0.5
keine sorgen 0.5
nicht mehr sicher -1.5
fühlt sich nicht sicher -1.8
zuzahlen -1
draufzahlen -1.2
nachzahlen -1
fuzzi* -1.5
aufhebeln -1.5
aufzuhebeln -1.5
aufgehebelt -1.5
geplärre -1.5
gejammer -1
kam nicht -1.5
kamen nicht -1.5
kommt nicht -1.5
fährt nicht -1.5
mal wieder -0.8
wieder mal -0.8
wieder einmal -0.8
jedes mal -0.5
# key service praise should pass the positive label when intensified ("sehr zufrieden")
zufrieden 2.3
zufriedene 2.3
zufriedener 2.3
`;
