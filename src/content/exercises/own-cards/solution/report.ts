import os from 'node:os';

console.log(`host ${os.hostname()}`);

for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
  for (const address of addresses ?? []) {
    // lo is internal: it never leaves this computer. IPv6 addresses (on a real computer) are left out too.
    if (address.internal || address.family !== 'IPv4') continue;
    console.log(`${name} ${address.cidr} ${address.mac}`);
  }
}
