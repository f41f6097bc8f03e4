/**
 * German lexicon, colloquial and social-media language: slang praise and swearing, interjections,
 * chat abbreviations and anglicisms seen in German feedback. Ambivalent slang ("krass", "hammer",
 * "mega", "lol", "irre") is left out: it intensifies either way.
 */
export const COLLOQUIAL = `
# slang praise
geil* 2.5
megageil* 2.8
supergeil* 2.8
endgeil* 3.0
hammergeil* 3.0
affengeil* 2.8
oberaffengeil* 3.0
geilo 2.5
nice 1.8
cool 1.5
coole 1.5
cooler 1.5
coolen 1.5
cooles 1.5
supercool* 2.3
chillig* 1.5
knorke 2.0
dufte 1.8
bombig* 2.2
sahnehäubchen 2.0
allererste sahne 3.0
erste sahne 2.8
ein traum 2.5
ein gedicht 2.5
tippitoppi 2.3
passt 0.8
passt schon 0.5
läuft bei euch 1.8
läuft wie geschmiert 2.4
wie geschmiert 2.2
flutscht 1.5
rockt 2.0
ihr rockt 2.8
ihr seid die besten 3.2
ihr seid spitze 3.0
ihr seid super 3.0
ihr seid klasse 2.8
bester laden 3.0
toller laden 2.5
guter laden 2.0
lieblingsladen 2.5
lieblings* 1.5
yay 2.0
juhu 2.2
juchu 2.2
hurra 2.2
jippie 2.2
yeah 1.5
wow 1.2
woow 1.5
wooow 1.8
awesome 2.5
perfect 2.5
great 2.3
love it 2.8
happy end 2.0
thx 1.2
danki 1.5
merci 1.5
dankeee 2.0

# slang criticism and swearing
mist -2.0
mistding* -2.3
mistladen* -2.5
misterfahrung -2.3
schrott* -2.8
schrottladen* -2.8
ramsch* -2.0
plunder -1.8
krempel -1.5
murks* -2.3
schrottkiste* -2.5
rostlaube* -2.0
saftladen* -2.8
sauladen* -2.8
drecksladen* -3.0
chaosladen* -2.5
chaostruppe* -2.5
saustall* -2.8
scheißladen* -3.2
scheissladen* -3.2
kackladen* -3.0
verarsch* -3.0
veräpp* -2.0
verkackt* -2.5
ätzend* -2.5
nervig* -2.0
nervt -2.0
nervt total -2.6
nervt nur noch -2.6
kotz* -2.8
kotzt mich an -3.2
zum kotzen -3.0
ankotzen -3.0
zum heulen -2.3
zum weinen -2.3
zum davonlaufen -2.5
zum verzweifeln -2.5
zum haareraufen -2.3
zum mäusemelken -2.0
zum fremdschämen -2.5
fremdschäm* -2.3
zum schreien -1.5
scheiß* -3.0
scheiss* -3.0
beschissen* -3.2
kack* -2.6
bescheuert* -2.4
bekloppt* -2.2
behämmert* -2.0
dämlich* -2.2
doof* -1.8
blöd* -2.0
bloed* -2.0
dumm* -2.0
dummerweise -1.0
hirnrissig* -2.6
hirnlos* -2.4
hirnverbrannt* -2.6
idiotisch* -2.5
vollidiot* -3.0
verblödet* -2.3
gaga -1.5
bullshit -2.8
crap -2.5
sucks -2.0
fail -2.2
epic fail -2.8
no-go -2.3
nogo -2.3
lame -1.5
cringe -1.8
fake -2.0
scam -2.8
wtf -2.5
ffs -2.0
omfg -1.5
argh -1.5
grr -1.5
grrr -1.8
grrrr -2.0
pfff -1.0
pff -1.0
puh -0.8
uff -0.8
tja -0.5
naja -0.5
na ja -0.5
meh -0.5
mau -1.2
lahmarschig* -2.3
arschlahm* -2.3
arschig -2.3
arschloch* -3.2
penner* -2.5
luschen -2.0
lusche -2.0
nulpe -2.0
nullnummer* -2.3
null service -2.5
null ahnung -2.5
null komma nichts 1.5
null bock -1.8
kein bock -1.5
keinen bock -1.5
bock drauf 1.5
voll daneben -2.3
total daneben -2.3
völlig daneben -2.3
voll der reinfall -2.6
für die tonne -2.5
für'n arsch -2.8
für den arsch -2.8
im arsch -2.6
am arsch -2.6
geht mir auf den sack -2.6
geht mir auf die nerven -2.5
auf den keks -2.3
auf den zeiger -2.3
auf die nerven -2.2
lächerlicher verein -2.6
abgefuckt* -3.0
fuck -2.8
fucking -2.5
shit -2.5
shitstorm -2.0
`;
