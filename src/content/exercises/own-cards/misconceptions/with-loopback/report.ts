import os from 'node:os';

console.log(`host ${os.hostname()}`);
for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
  for (const address of addresses ?? []) console.log(`${name} ${address.cidr} ${address.mac}`);
}
