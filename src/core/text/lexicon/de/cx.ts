/**
 * German CX additions written for this project, applied after the word lists (./words-*.ts) so
 * they can adjust them: service verbs whose negation is a complaint ("hat nicht funktioniert"),
 * waiting and contact phrases, greetings that are not praise.
 */
export const DE_CX = `
funktionier* 1
klappt 1
geklappt 1
klappen 0.8
erreichbar 1
angekommen 0.8
geliefert 0.5
geholfen 1.5
hilft 1.2
gelöst 1.5
behoben 1.2
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
nie wieder -2.8
danke 1.5
dankeschön 1.8
vielen dank 1.8
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
`;
