/**
 * German lexicon, how the writer feels: satisfaction, delight, gratitude, relief; anger,
 * frustration, disappointment, worry, feeling cheated. Adjectives, participles and their nouns.
 */
export const EMOTIONS = `
# satisfaction and delight
zufrieden* 2.0
hochzufrieden* 2.8
rundum zufrieden 2.6
vollauf zufrieden 2.6
vollends zufrieden 2.6
begeister* 2.8
hellauf begeistert 3.2
glücklich* 2.6
überglücklich* 3.0
glücklicherweise 1.5
froh 2.2
frohe 1.8
frohen 1.8
heilfroh* 2.6
fröhlich* 2.0
erfreut* 2.2
hocherfreut* 2.8
dankbar* 2.2
erleichtert* 1.6
erleichterung* 1.6
beruhigt* 1.2
beruhigend* 1.3
positiv überrascht 2.6
angenehm überrascht 2.5
freudig überrascht 2.6
beglückt* 2.6
entzückt* 2.6
gerührt* 2.0
sorglos* 1.5
unbesorgt* 1.2
zuversichtlich* 1.5
optimistisch* 1.3
happy 2.5
verliebt* 2.3
beeindruckt* 2.2
wohlgefühlt 2.2
pudelwohl 2.6
sauwohl 2.4
gut aufgehoben 2.4
bestens aufgehoben 2.8
bestens betreut 2.8
gut betreut 2.0
rundum sorglos 2.2
sehr gefreut 2.2
vorfreude* 1.8
entspannt* 1.5
stolz auf 1.5

# disappointment
enttäusch* -2.3
maßlos enttäuscht -3.0
bitter enttäuscht -3.0
zutiefst enttäuscht -3.2
schwer enttäuscht -2.8
tief enttäuscht -3.0
ernüchtert* -1.8
ernüchternd* -1.8
ernüchterung* -1.8
desillusioniert* -1.8
negativ überrascht -2.2
unangenehm überrascht -2.0
unzufrieden* -2.0
unglücklich* -2.0
bedauerlich* -1.5
bedauerlicherweise -1.3
bedauer* -1.2
leider -1.0
schade -1.3
jammerschade -2.0
sehr schade -1.8
traurigerweise -1.5

# anger and annoyance
ärger* -2.0
verärger* -2.4
wütend* -2.8
wut -2.6
stinkwütend* -3.2
wutentbrannt* -3.0
wutanfall* -2.5
zornig* -2.6
zorn -2.4
sauer -2.0
stinksauer* -3.0
angesäuert* -1.5
genervt* -2.2
entnervt* -2.4
gereizt* -1.8
frustriert* -2.4
frust* -2.3
frustrier* -2.4
frustration* -2.3
verzweif* -2.8
fassungslos* -2.5
sprachlos* -1.5
schockiert* -2.5
geschockt* -2.3
schock* -2.2
entsetzt* -2.7
empör* -2.6
erbost* -2.6
aufgebracht* -2.3
verstimmt* -1.5
aufregen -1.8
aufgeregt* -1.0
regt mich auf -2.2
rege mich auf -2.2
regt einen auf -2.2
ärgere mich -2.2
ungehalten* -1.8
erzürnt* -2.6
fuchsteufelswild* -3.0
auf hundertachtzig -2.8
auf der palme -2.3
platzt mir der kragen -3.0
der kragen geplatzt -3.0
mir reicht's -2.5
jetzt reicht's -2.5
jetzt reicht es -2.5
bin außer mir -2.5
wie am fließband abgefertigt -2.0
die nase voll -2.5
nase gestrichen voll -3.0
schnauze voll -2.8
endgültig genug -2.5

# worry and stress
besorgt* -1.3
beunruhig* -1.7
unruhig* -1.0
verunsichert* -1.5
ängstlich* -1.5
angst -1.8
verängstigt* -1.8
gestresst* -1.8
stress* -1.6
stressfrei* 1.8
erschöpft* -1.5
machtlos* -1.6
resigniert* -1.8
ratlos* -1.3
verwirrt* -1.3
verzweifelt* -2.8
panisch* -2.0
hilflos ausgeliefert -2.6
überrumpelt* -1.8
unter druck gesetzt -2.0

# feeling hurt, cheated, let down
verletzt* -1.5
gekränkt* -1.8
beleidigt* -2.0
gedemütigt* -2.5
erniedrigend* -2.5
veräppelt* -2.0
verschaukelt* -2.2
hingehalten* -2.0
im stich gelassen -2.6
alleingelassen* -2.0
allein gelassen -2.0
übervorteil* -2.0
benachteiligt* -1.8
diskriminier* -2.5
schikan* -2.5
hintergangen* -2.6
ausgenutzt* -2.0
ausgenommen wie eine weihnachtsgans -3.0
abgespeist* -2.0
als bittsteller -2.2
wie ein bittsteller -2.3
wie ein verbrecher -2.8
wie ein idiot -2.8
wie der letzte dreck -3.2
wie dreck behandelt -3.2
nicht ernst genommen -2.3
misstrau* -1.8
zweifelhaft* -1.5
skeptisch* -1.0
bereu* -2.0
`;
