/**
 * German lexicon, spellings without umlauts and ß as typed on foreign keyboards and in quick
 * messages ("enttaeuscht", "puenktlich", "grossartig"; Swiss "mässig"): every entry of the other
 * lists that holds ä, ö, ü or ß, folded to ae/oe/ue/ss (and ß→ss alone), with the same valence.
 * The engine cannot fold spellings itself ("teuer" holds "ue"), so the list spells them out;
 * lexicon-de.test.ts checks that no entry lacks its twin.
 */
export const ASCII_SPELLINGS = `
# adjectives
spitzenmaessig* 2.8
spitzenmässig* 2.8
spitzenqualitaet 2.7
grossartig* 3.0
wunderschoen* 2.9
phaenomenal* 3.0
ueberragend* 3.0
aussergewoehnlich* 2.0
aussergewöhnlich* 2.0
mustergueltig* 2.6
vorzueglich* 2.7
stoerungsfrei* 1.8
maengelfrei* 1.5
ueberwaeltigend* 2.2
goettlich* 2.5
hinreissend* 2.6
entzueckend* 2.4
schoen 2.0
schoene 2.0
schoener 2.0
schoenes 2.0
schoenen 2.0
schoenem 2.0
schoenst* 2.6
liebenswuerdig* 2.5
ueberzeugend* 2.0
anstaendig* 1.3
vernuenftig* 1.2
hoeherwertig* 1.0
zeitgemaess* 1.0
zeitgemäss* 1.0
funktionsfaehig* 1.0
nuetzlich* 1.8
strapazierfaehig* 1.2
zuverlaessig* 2.1
verlaesslich* 2.0
uebersichtlich* 1.8
selbsterklaerend* 1.8
verstaendlich* 1.3
muehelos* 1.8
geraeuscharm* 1.2
guenstig* 1.5
kostenguenstig* 1.5
preisguenstig* 1.6
verguenstigt* 1.2
gebuehrenfrei* 1.2
grosszuegig* 2.0
grosszügig* 2.0
unbuerokratisch* 2.2
zuegig* 1.6
puenktlich* 1.8
hoeflich* 1.8
verstaendnisvoll* 2.0
einfuehlsam* 2.0
bemueht* 1.2
fleissig* 1.5
tuechtig* 1.5
fuersorglich* 2.2
ruecksichtsvoll* 1.8
loesungsorientiert* 2.0
gruendlich* 1.6
sorgfaeltig* 1.8
praezise 1.5
praezisen 1.5
praeziser 1.5
ausfuehrlich* 1.2
serioes* 1.8
vertrauenswuerdig* 2.0
glaubwuerdig* 1.5
souveraen* 1.8
zuverlaessigerweise 1.5
aufgeraeumt* 1.3
gemuetlich* 2.0
geraeumig* 1.8
grossraeumig* 1.5
grossräumig* 1.5
verkehrsguenstig* 1.3
huebsch* 1.8
koestlich* 2.6
vielfaeltig* 1.3
zugaenglich* 1.0
tatkraeftig* 1.8
herzerwaermend* 2.5
ruehrend* 1.8
bodenstaendig* 1.2
luxurioes* 2.0
massgeschneidert* 1.5
zielfuehrend* 1.3
lueckenlos* 1.2
leichtgaengig* 1.2
leistungsfaehig* 1.5
glaenzend* 2.0
bravouroes* 2.5
schoen eingerichtet 2.2
saumaessig* -2.6
saumässig* -2.6
fuerchterlich* -2.7
scheusslich* -2.6
abstossend* -2.6
uebel* -2.0
duerftig* -1.6
beduerftig* -0.3
gewoehnungsbeduerftig* -1.0
erklaerungsbeduerftig* -0.8
ungenuegend* -2.5
mittelmaessig* -1.0
mittelmässig* -1.0
enttaeuschend* -2.3
unschoen* -1.6
unguenstig* -1.2
verbesserungswuerdig* -1.2
verbesserungsbeduerftig* -1.5
ausbaufaehig* -0.8
unmoeglich* -1.8
unertraeglich* -2.6
laecherlich* -2.2
skandaloes* -2.8
beschaemend* -2.3
erbaermlich* -2.7
jaemmerlich* -2.4
klaeglich* -2.0
kuemmerlich* -1.8
bitterboese* -2.3
unnoetig* -1.4
ueberfluessig* -1.4
unnuetz* -1.8
unhoeflich* -2.2
unverschaemt* -2.8
ruecksichtslos* -2.3
ueberheblich* -2.2
hochnaesig* -2.0
muerrisch* -1.8
griesgraemig* -1.6
herabwuerdigend* -2.5
abfaellig* -1.8
anmassend* -2.0
gleichgueltig* -1.8
unfaehig* -2.5
ueberfordert* -1.8
unzuverlaessig* -2.2
unpuenktlich* -1.8
unserioes* -2.3
unglaubwuerdig* -1.8
hinterhaeltig* -2.5
nachlaessig* -1.8
fahrlaessig* -2.0
unsorgfaeltig* -1.8
oberflaechlich* -1.3
unvollstaendig* -1.5
lueckenhaft* -1.4
unpraezise -1.0
unzustaendig* -1.2
umstaendlich* -1.8
unuebersichtlich* -1.8
unverstaendlich* -1.8
buerokratisch* -1.6
aufwaendig* -0.8
muehsam* -1.6
muehselig* -1.6
laestig* -1.7
stoerend* -1.5
zeitaufwaendig* -1.0
widerspruechlich* -1.5
willkuerlich* -1.8
irrefuehrend* -2.2
missverstaendlich* -1.3
realitaetsfern* -1.8
ungeloest* -1.8
unerwuenscht* -1.5
unangekuendigt* -1.3
zaeh -1.3
zaehe -1.3
zaehen -1.3
zaeher -1.3
spaet -0.8
verfrueht* -0.8
ueberfaellig* -1.5
ueberteuert* -2.3
ueberzogen* -1.5
unverhaeltnismaessig* -1.8
unverhältnismässig* -1.8
gebuehrenpflichtig* -0.8
funktionsunfaehig* -2.2
fehleranfaellig* -1.8
stoeranfaellig* -1.8
reparaturanfaellig* -1.8
anfaellig* -1.2
funktionsuntuechtig* -2.0
abgestuerzt* -2.0
zerstoert* -2.3
beschaedigt* -2.0
umweltschaedlich* -1.3
gefaehrlich* -1.8
fragwuerdig* -1.6
unrechtmaessig* -2.0
unrechtmässig* -2.0
unzulaessig* -1.6
unaufgeraeumt* -1.3
baufaellig* -1.8
renovierungsbeduerftig* -1.5
sanierungsbeduerftig* -1.5
ueberfuellt* -1.8
ueberlaufen* -1.3
ueberlastet* -1.6
hellhoerig* -1.5
ungemuetlich* -1.6
duester* -1.2
ungeniessbar* -2.5
verdaechtig* -1.3
gefuehllos* -2.0
ueberladen* -1.3
zugemuellt* -2.0
vermuellt* -2.3
waessrig* -1.3
ungewuerzt* -1.0
ueberwuerzt* -1.3
aufgewaermt* -1.0
schaebig* -2.0
unpersoenlich* -1.3
ueberhitzt* -1.5
schwerfaellig* -1.5
behaebig* -1.2
autoritaer* -1.5
unterkuehlt* -1.3
untaetig* -1.8
schlafmuetzig* -1.8
# emotions
gluecklich* 2.6
uebergluecklich* 3.0
gluecklicherweise 1.5
froehlich* 2.0
positiv ueberrascht 2.6
angenehm ueberrascht 2.5
freudig ueberrascht 2.6
beglueckt* 2.6
entzueckt* 2.6
geruehrt* 2.0
wohlgefuehlt 2.2
enttaeusch* -2.3
masslos enttaeuscht -3.0
masslos enttäuscht -3.0
bitter enttaeuscht -3.0
zutiefst enttaeuscht -3.2
schwer enttaeuscht -2.8
tief enttaeuscht -3.0
ernuechtert* -1.8
ernuechternd* -1.8
ernuechterung* -1.8
negativ ueberrascht -2.2
unangenehm ueberrascht -2.0
ungluecklich* -2.0
aerger* -2.0
veraerger* -2.4
wuetend* -2.8
stinkwuetend* -3.2
angesaeuert* -1.5
empoer* -2.6
aergere mich -2.2
erzuernt* -2.6
bin ausser mir -2.5
wie am fliessband abgefertigt -2.0
endgueltig genug -2.5
aengstlich* -1.5
veraengstigt* -1.8
erschoepft* -1.5
ueberrumpelt* -1.8
gekraenkt* -1.8
gedemuetigt* -2.5
veraeppelt* -2.0
uebervorteil* -2.0
# verbs
dankeschoen 2.2
gefaellt 1.8
moegen 1.2
geniess* 2.2
schwaerm* 2.4
verwoehn* 1.8
begruessenswert* 1.8
begrüssenswert* 1.8
bewaehrt* 1.5
ueberzeug* 2.0
uebertroffen 2.5
uebertrifft 2.3
uebertraf 2.3
macht spass 2.2
machte spass 2.2
hat spass gemacht 2.4
gefaellt mir 2.0
geloest 1.5
loeste 1.2
loesten 1.2
zurueckgerufen 1.2
rueckerstattet 1.2
entschaedigt 1.2
erfuellt 1.2
unerfuellt* -1.5
gekuemmert 1.6
kuemmerte sich 1.5
kuemmert sich 1.5
bemuehte sich 1.5
bemueht sich 1.3
unterstuetzt* 1.2
puenktlich geliefert 2.0
bewaehrt hat 1.8
laeuft rund 2.0
gut erklaert 2.0
verstaendlich erklaert 2.2
geduldig erklaert 2.4
ausfuehrlich erklaert 2.0
hat mich ueberzeugt 2.2
hat uns ueberzeugt 2.2
kuendig* -1.0
gekuendigt -1.2
verzoeger* -1.8
verspaet* -1.8
ausfaell* -1.8
faellt aus -1.8
laesst nach -1.2
liess nach -1.2
frueher war alles besser -1.8
frueher war es besser -1.8
nicht mehr wie frueher -1.5
abbrueche -1.5
stuerzt ab -2.0
stuerzte ab -2.0
abstuerze -2.0
haengt sich auf -1.8
haengte sich auf -1.8
zerstoer* -2.3
beschaedig* -2.0
zerdrueckt -1.6
durchnaesst -1.5
schwaechel* -1.2
nervtoetend* -2.3
vertroest* -1.8
zurueckgewiesen -1.5
zurueckweis* -1.5
vernachlaessig* -1.8
versaeum* -1.4
belaestig* -2.2
geschroepft -2.5
schroepf* -2.5
bedraengt* -1.8
genoetigt -2.0
noetigung* -2.3
blossgestellt -2.2
abgewuergt -2.0
noergel* -1.3
bemaengel* -1.5
geruegt -1.5
befuercht* -1.0
angebruellt -2.6
luegen -2.5
luege -2.5
luegt -2.5
luegner* -2.8
getaeuscht -2.3
taeusch* -2.0
betrueg* -3.0
abgewaelzt -1.5
missfaellt -1.5
uebers ohr gehauen -2.8
ueber den tisch gezogen -2.8
kuemmert sich niemand -2.3
kuemmert sich keiner -2.3
niemand kuemmert sich -2.3
keiner kuemmert sich -2.3
sollten sich schaemen -2.8
sollte sich schaemen -2.8
schaemen sich -2.0
# nouns
problemloesung* 1.0
maengel* -1.5
stoerung* -1.8
stoer* -1.5
schaeden -1.5
missstaende -2.0
missverstaendnis* -1.3
versaeumnis* -1.8
unzulaenglichkeit* -1.8
rueckstand* -1.0
rueckstau* -1.5
engpaesse -1.3
huerde* -1.0
huerden -1.0
aergernis* -2.0
tragoedie* -2.0
unverschaemtheit* -2.9
hoelle -2.5
servicewueste* -2.5
spiessrutenlauf -2.0
gebuehr* -0.8
zusatzgebuehr* -1.5
strafgebuehr* -2.0
mahngebuehr* -2.0
bearbeitungsgebuehr* -1.3
preiserhoehung* -1.5
beitragserhoehung* -1.5
erhoehung* -1.0
pfaendung* -2.2
bauernfaengerei* -2.5
erbsenzaehler* -1.5
ruecklastschrift* -1.2
laerm* -1.8
baulaerm* -1.8
maeuse -1.8
floehe -2.2
muell -1.8
kaelte -1.0
gedraenge* -1.5
luegerei* -2.5
luegengeschichte* -2.5
ausfluechte -1.8
vertroestung* -1.8
willkuer* -2.0
gaengelung* -1.8
stuemper* -2.3
schnoesel* -1.8
buerokratie* -1.5
bloedsinn* -2.0
wertschaetz* 2.0
glueckwunsch* 2.0
glueckwuensche 2.0
vergnuegen* 2.0
spass* 1.8
hoechstleistung* 2.3
gluecksgriff* 2.6
gluecksfall* 2.3
glueck 1.3
unglueck* -2.0
schnaeppchen* 1.8
entschaedigung* 0.8
kulanzloesung* 2.3
loesung* 1.0
unterstuetzung* 1.0
professionalitaet* 2.0
verstaendnis* 1.2
verstaendnislos* -1.8
einfuehlungsvermoegen* 2.0
kundennaehe* 1.5
flexibilitaet* 1.8
wohlfuehl* 2.2
qualitaetsarbeit 2.0
# phrases
nichts gehoert -1.8
nie wieder etwas gehoert -2.5
nichts mehr gehoert -2.3
hoert man nichts -2.0
zu spaet -1.8
viel zu spaet -2.3
deutlich zu spaet -2.2
kam zu spaet -2.0
kamen zu spaet -2.0
schnelle rueckmeldung 2.0
gleich am naechsten tag 1.8
frueher als erwartet 2.2
frueher als angekuendigt 2.2
von einer abteilung zur naechsten -2.3
niemand fuehlt sich zustaendig -2.5
keiner fuehlt sich zustaendig -2.5
keiner ist zustaendig -2.3
niemand ist zustaendig -2.3
nicht zustaendig -1.5
angeblich nicht zustaendig -2.0
fuehlt sich niemand zustaendig -2.5
fuehlt sich keiner zustaendig -2.5
wird man vertroestet -2.0
wurde vertroestet -2.0
immer wieder vertroestet -2.5
unzaehlige male -2.0
unzaehlige anrufe -2.2
unzaehlige e-mails -2.2
unzaehlige mails -2.2
fuenfmal angerufen -2.6
zum fuenften mal -2.5
alles dreimal erklaeren -2.3
alles nochmal erklaeren -2.0
jedes mal neu erklaeren -2.3
zurueck auf anfang -1.5
keine rueckmeldung* -2.0
keinerlei rueckmeldung -2.3
keine rueckantwort -2.0
kein rueckruf -2.0
keinen rueckruf -2.0
keine rueckrufe -2.0
keine eingangsbestaetigung -1.5
keine bestaetigung -1.3
keine loesung -2.0
ohne rueckmeldung -1.8
ohne ankuendigung -1.5
ohne begruendung -1.5
ohne ruecksprache -1.5
niemand ruft zurueck -2.6
keiner ruft zurueck -2.6
ruft niemand zurueck -2.6
ruft keiner zurueck -2.6
ruft* niemand zurueck -2.6
ruft* keiner zurueck -2.6
rief niemand zurueck -2.6
rief nie zurueck -2.5
nie zurueckgerufen -2.5
nicht zurueckgerufen -2.0
kein rueckruf erfolgt -2.3
versprochener rueckruf -2.0
rueckruf versprochen -1.8
staendig besetzt -2.0
ohne zwischenfaelle 1.8
ohne maengel 1.8
schnell und zuverlaessig 2.5
wie angekuendigt 1.2
ueber erwartung 2.5
ueber den erwartungen 2.5
erwartungen uebertroffen 2.8
erwartungen erfuellt 1.8
erwartungen voll erfuellt 2.3
nichts zu bemaengeln 2.2
problem geloest 2.2
problem wurde geloest 2.2
sofort geloest 2.5
schnell geloest 2.4
umgehend geloest 2.4
direkt geloest 2.2
gleich geloest 2.2
problemlos geloest 2.5
das problem geloest 2.2
problem schnell geloest 2.4
problem sofort geloest 2.5
problem umgehend geloest 2.4
problem direkt geloest 2.2
problem wurde schnell geloest 2.4
problem wurde sofort geloest 2.5
problem ist geloest 2.2
problem war schnell geloest 2.4
anliegen geloest 2.0
funktioniert ueberhaupt nicht -2.8
geht ueberhaupt nicht -2.5
laeuft nicht -1.5
laeuft schief -2.0
ohne loesung -2.0
noch keine loesung -2.0
nicht geloest -2.0
immer noch nicht geloest -2.6
bis heute nicht geloest -2.6
kein stueck weiter -2.0
niemand weiss bescheid -2.2
keiner weiss bescheid -2.2
weiss niemand bescheid -2.2
weiss keiner bescheid -2.2
jeder erzaehlt etwas anderes -2.3
widerspruechliche aussagen -2.0
widerspruechliche informationen -2.0
falsche auskuenfte -2.2
zahlen fuer nichts -2.5
fuer nichts bezahlt -2.5
geld zurueckbekommen 1.5
geld zurueckerhalten 1.5
geld nie zurueckbekommen -2.5
uneingeschraenkt zu empfehlen 3.0
waermstens zu empfehlen 3.0
fuenf sterne 2.5
grosses lob 2.8
ein grosses lob 2.8
grossen dank 2.4
ein grosses dankeschoen 2.8
ein grosses dankeschön 2.8
danke schoen 2.0
danke fuer die schnelle 2.5
haende weg -2.8
bloss weg -2.5
wuerde ich nicht empfehlen -2.5
wenn ich koennte null sterne -3.0
fuer mich erledigt -2.3
ich kuendige -2.2
werde kuendigen -2.0
habe gekuendigt -1.8
unter aller wuerde -2.8
das ist ja wohl die hoehe -3.0
gipfel der unverschaemtheit -3.0
das schlaegt dem fass den boden aus -3.0
das fass zum ueberlaufen -2.5
haelt nicht was -2.0
koennte besser sein -1.2
koennte besser laufen -1.2
haette besser sein koennen -1.3
eher maessig -1.3
eher mässig -1.3
sehr maessig -1.5
sehr mässig -1.5
nur maessig -1.3
nur mässig -1.3
maessiger service -1.5
mässiger service -1.5
maessige qualitaet -1.5
mässige qualität -1.5
maessiges essen -1.5
mässiges essen -1.5
maessig bis schlecht -2.0
mässig bis schlecht -2.0
eher enttaeuschend -2.0
zu wuenschen uebrig -2.0
laesst zu wuenschen uebrig -2.0
liess zu wuenschen uebrig -2.0
liess zu wünschen übrig -2.0
laesst sehr zu wuenschen uebrig -2.6
laesst viel zu wuenschen uebrig -2.6
voellig versagt -3.0
# domain words and phrases
funkloecher -2.0
verbindung bricht staendig ab -2.5
bricht staendig ab -2.3
bricht staendig zusammen -2.5
staendig abbrueche -2.3
staendige abbrueche -2.3
staendige ausfaelle -2.5
staendig offline -2.2
gespraech abgebrochen -2.0
gespraeche brechen ab -2.2
stuerzt staendig ab -2.6
stuerzt dauernd ab -2.6
stuerzt immer ab -2.5
haengt staendig -2.2
laedt nicht -1.8
laedt ewig -2.2
laedt ewig* -2.2
app stuerzt ab -2.4
passwort zuruecksetzen 0.0
bestellung haengt -1.8
schlaegt fehl -1.8
weisse seite -1.5
schoen gemacht 2.2
versteckt im menue -1.8
sicherheitsluecke* -2.5
werbemuell -2.0
falsche groesse -1.5
falsche grösse -1.5
unvollstaendig geliefert -2.0
beschaedigt angekommen -2.4
beschaedigt geliefert -2.4
verpackung beschaedigt -1.8
vor der tuer abgestellt -1.5
verspaetete lieferung -2.0
verzoegerte lieferung -2.0
puenktliche lieferung 2.0
zuegig geliefert 2.0
am naechsten tag geliefert 2.2
einen tag frueher 1.8
nicht vorraetig -1.2
faellt auseinander -2.3
loest sich auf -1.8
ruecksendung problemlos 2.0
problemlose ruecksendung 2.0
geld zurueckerstattet 1.8
sehr hellhoerig -2.0
duenne waende -1.5
schoen ruhig 2.2
zu heiss -1.2
fruehstueck war lecker 2.3
leckeres fruehstueck 2.3
reichhaltiges fruehstueck 2.0
gutes fruehstueck 2.0
ueberbucht* -2.2
gepaeck verloren -2.5
gepaeck verschwunden -2.5
koffer beschaedigt -2.2
zug faellt aus -2.2
zugausfaelle -2.2
faehrt nicht -1.5
faellt staendig aus -2.8
staendig verspaetet -2.6
staendig verspaetung -2.6
immer verspaetet -2.6
immer verspaetung -2.6
jeden tag verspaetung -2.7
taeglich verspaetung -2.7
mal wieder verspaetung -2.5
wieder mal verspaetung -2.5
schon wieder verspaetung -2.6
mal wieder zu spaet -2.4
wie immer zu spaet -2.6
puenktlich abgefahren 1.8
puenktlich angekommen 2.0
auf die minute puenktlich 2.8
ueberfuellter zug -2.2
zug ueberfuellt -2.2
stehen muessen -1.8
wie in einer sardinenbuechse -2.3
signalstoerung* -1.8
weichenstoerung* -1.8
stellwerksstoerung* -1.8
entschaedigung beantragt -0.8
abschlag erhoeht -1.5
preis erhoeht -1.5
preise erhoeht -1.5
preiserhoehung ohne -2.0
ohne ankuendigung erhoeht -2.5
schaetzung statt -1.5
aufgedraengt -2.0
haustuergeschaeft* -1.5
staendige anrufe -2.0
lastschrift zurueckgegeben -1.0
unbuerokratisch geholfen 2.8
unbuerokratische hilfe 2.6
kuendigung nicht bestaetigt -2.2
kuendigung ignoriert -2.5
kuendigungsbestaetigung fehlt -2.0
kuendigung erschwert -2.3
kuendigung verweigert -2.6
kuendigung nicht akzeptiert -2.3
automatisch verlaengert -1.5
stillschweigend verlaengert -2.0
gebuehren erhoeht -1.8
versteckte gebuehren -2.3
versteckte gebuehr -2.3
kontofuehrungsgebuehr* -1.0
wartungsgebuehr* -0.8
puenktlich erschienen 2.0
puenktlich da 2.0
puenktlich vor ort 2.0
kam puenktlich 2.0
techniker war puenktlich 2.2
konto gekuendigt -2.0
ueberweisung nicht angekommen -2.2
falscher zaehlerstand -1.8
ueberfuelltes wartezimmer -2.0
gut aufgeklaert 2.0
ausfuehrlich beraten 2.3
persoenliche beratung 1.5
# colloquial
sahnehaeubchen 2.0
laeuft bei euch 1.8
laeuft wie geschmiert 2.4
veraepp* -2.0
aetzend* -2.5
zum maeusemelken -2.0
zum fremdschaemen -2.5
fremdschaem* -2.3
behaemmert* -2.0
daemlich* -2.2
verbloedet* -2.3
voellig daneben -2.3
fuer die tonne -2.5
fuer'n arsch -2.8
fuer den arsch -2.8
laecherlicher verein -2.6
# neutral overrides
mit freundlichen gruessen 0.0
freundliche gruesse 0.0
mit besten gruessen 0.0
mit besten grüssen 0.0
beste gruesse 0.0
besten gruss 0.0
herzliche gruesse 0.0
herzlichen gruss 0.0
schoene gruesse 0.0
schoenen gruss 0.0
schönen gruss 0.0
schoenen tag 0.3
schoenen tag noch 0.3
schoenes wochenende 0.3
schoenen abend 0.3
so schnell wie moeglich 0.0
moeglichst schnell 0.0
schnellstmoeglich* 0.0
kuendigungsfrist* -0.3
kuendigungsbestaetigung* 0.0
ausgeloest* 0.0
aufgeloest* 0.0
abgeloest* 0.0
eingeloest 0.8
ausloeste 0.0
vermoegen* 0.0
fluege 0.0
fluegen 0.0
berufsunfaehig* 0.0
arbeitsunfaehig* 0.0
erwerbsunfaehig* 0.0
dienstunfaehig* 0.0
zahlungsunfaehig* -1.0
schaetz* 0.0
abflueg* 0.0
anflueg* 0.0
einverstaendnis* 0.0
naechstbest* 0.0
ankuendig* 0.0
angekuendigt* 0.0
verkuendig* 0.0
vorankuendig* 0.0
ermaessig* 1.0
ermässig* 1.0
ueberholung* 0.0
aufloesung* 0.0
abloesung* 0.0
einloesung* 0.5
groessenklasse* 0.0
grössenklasse* 0.0
gueteklasse* 0.0
fuehrungsspitze* 0.0
laermschutz* 0.0
dreistuendig* 0.0
supermaerkt* 0.0
schoenefeld* 0.0
schoenfaerb* -1.2
schoenred* -1.5
schoengeredet* -1.5
dreistoeckig* 0.0
schaetzend* 0.0
`;
