import os from 'node:os';

console.log(`host ${os.hostname()}`);
const cards = Object.entries(os.networkInterfaces()).filter(([name]) => name !== 'lo');
const [name, addresses] = cards[0]!;
const first = addresses![0]!;
console.log(`${name} ${first.cidr} ${first.mac}`);
