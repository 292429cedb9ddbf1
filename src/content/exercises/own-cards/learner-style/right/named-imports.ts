import { hostname, networkInterfaces } from 'node:os';
import { format } from 'node:util';

const me = hostname();
const cards = Object.entries(networkInterfaces()).filter(([name]) => name !== 'lo');

console.log(format('%s has %d network cards', me, cards.length));
for (const [name, infos] of cards) {
  const ipv4 = (infos ?? []).find((info) => info.family === 'IPv4');
  if (ipv4) console.log(format('%s\t%s\t%s', name, ipv4.cidr, ipv4.mac.toUpperCase()));
}
