import os from 'node:os';

console.log(`host ${os.hostname()}`);
const cards = Object.entries(os.networkInterfaces()).filter(([name]) => name !== 'lo');
const [name, addresses] = cards[0]!;
console.log(`${name} ${addresses![0]!.cidr} ${addresses![0]!.mac}`);
