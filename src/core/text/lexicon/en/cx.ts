/**
 * Customer-experience additions to and overrides of the VADER lexicon, written for this project
 * (format: src/core/text/sentiment/lexicon-format.ts). Kept general: service, delivery, billing,
 * telecom, hotel and retail feedback; entries here replace VADER's value for the same word.
 */
export const EN_CX = `
# waiting and reachability
wait -0.6
waited -1
waiting -0.8
waits -0.6
still waiting -2.5
been waiting -1.8
kept waiting -2
keep waiting -2
on hold -1.5
put on hold -1.8
hold music -1
queue -0.5
forever -0.5
took forever -2.5
takes forever -2.5
taking forever -2.5
ages -0.8
took ages -2
takes ages -2
no response -2
no reply -2
no answer -1.8
no callback -2
no call back -2
unreachable -2
unresponsive -2.2
runaround -2.5
run around -1.5
the runaround -2.5
passed around -1.8
transferred again -1.8
hung up -2
hangs up -1.8
ignored -2
ignoring -1.8
never arrived -2.8
never came -2.5
never showed -2.5
never showed up -2.8
never received -2.8
never got -2
never heard back -2.5
never again -2.8
not again -1.5
not working -2.2
can't log in -2
cannot log in -2
can't login -2
couldn't log in -2
unable to log in -2
can't sign in -2
won't let me -1.5
doesn't work -2.2
didn't work -2.2
does not work -2.2
did not work -2.2
stopped working -2.5
works 0.8
work 0
worked 0.5
working 0.3
works great 2.5
works well 2.2
works perfectly 2.8

# service outcomes
refund -0.6
refunded 0.2
reimburse* -0.3
compensation -0.3
complaint -1.5
complaints -1.5
complain* -1.5
escalat* -1.2
cancelled -1.2
canceled -1.2
cancellation -1
delayed -1.5
delay -1.5
delays -1.5
late -1
overdue -1.5
overcharged -2.5
overcharge* -2.2
hidden fees -2
hidden fee -2
extra charge* -1
charged twice -2.5
double charged -2.5
outage -2
outages -2
dropped calls -2
no signal -2
no service -1.5
no internet -2
disconnect* -1.2
glitch* -1.5
buggy -2
crash* -1.8
error -1.2
errors -1.3
broken -2.2
damaged -2.2
defective -2.5
faulty -2.2
missing -1.5
lost -1.5
wrong -1.8
incorrect -1.5
dirty -2
filthy -2.8
smelly -2
stained -1.8
noisy -1.2
rude -2.5
unprofessional -2.5
incompetent -2.5
clueless -2
useless -2.2
hassle -1.8
hassle-free 2
hassle free 2
seamless 2
smooth 1.5
prompt 1.5
promptly 1.5
quick 1.2
slow -1.3
slowly -1
slower -1.2
quickly 1
fast 1.2
speedy 1.5
on time 1.5
as described 1.5
as expected 0.8
exceeded my expectations 3
exceeded expectations 3
above and beyond 3
went above and beyond 3
sorted it 1.5
sorted out 1.2
resolved 1.5
solved 1.2
fixed 1.2
knowledgeable 2
courteous 2
polite 1.5
attentive 2
responsive 1.5
recommend 1.8
recommended 1.8
highly recommend 3
would recommend 2
would not recommend -2.5
wouldn't recommend -2.5
do not recommend -2.5
don't recommend -2.5
not recommend -2.2
waste -2
waste of money -3
waste of time -3
rip off -2.8
ripoff -2.8
rip-off -2.8
overpriced -2
pricey -0.8
expensive -0.8
cheap -0.5
cheaply -1
cheaply made -2.2
cheap looking -2
bargain 1.5
worth it 1.8
worth the money 2
worth the price 2
worth the wait 1.8
not worth -2
well made 2
poorly made -2.5
poor quality -2.5
low quality -2.2
high quality 2
good quality 2
# retail and clothing (general fit language)
fit 0
fits 0.5
fits well 2
fits perfectly 2.8
true to size 1.2
runs small -1.2
runs large -1.2
runs big -1.2
ran small -1.2
runs short -1
runs long -0.8
unflattering -2.2
flattering 2.2
frumpy -2
boxy -1
shapeless -1.5
itchy -1.8
scratchy -1.8
see-through -1.2
see through -1.2
sheer -0.3
wrinkl* -0.8
pilling -1.2
pilled -1.2
pills -1
shrank -1.8
shrunk -1.8
faded -1.2
returned -1.5
returning -1.5
return it -1.5
returning it -1.5
sent it back -1.8
sending it back -1.8
sent back -1.5
send it back -1.5
going back -1.2
went back -1.2
had to return -1.8
will be returning -1.8
disappointing -2.2
disappointment -2.2
meh -1
so-so -0.8
okay 0.5
ok 0.6
fine 0.6
comfy 2
comfortable 1.8
cute 1.8
gorgeous 2.8
compliments 2
thanks for nothing -2.5
thank you for nothing -2.5
# tokens that are rarely sentiment in feedback
top 0
tops 0
support 0.5
huge 0
cut 0
sure 0.3
straight 0
true 0.5
free 1.2
as well 0
not work -1.8
won't work -1.8
wouldn't work -1.5
like 1.2
looks like 0
look like 0
feel like 0
felt like 0
feels like 0
seems like 0
just like 0
more like 0
like a 0
like the 0
please 0
kind 0.8
kind of 0
sort of 0
pretty 1.2
no 0
yes 0.5
`;
