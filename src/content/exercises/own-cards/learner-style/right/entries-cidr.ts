import os from 'node:os';

console.log(`This computer is ${os.hostname()}.`);
for (const [card, addresses] of Object.entries(os.networkInterfaces())) {
  for (const info of addresses ?? []) {
    if (!info.internal) console.log(`${card}: ${info.cidr}, MAC ${info.mac}`);
  }
}
