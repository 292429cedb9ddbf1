import os from 'node:os';

console.log(`host ${os.hostname()}`);
// The first entry is the network card.
const [name, infos] = Object.entries(os.networkInterfaces())[0]!;
const info = infos![0]!;
console.log(`${name} ${info.cidr} ${info.mac}`);
