import os from 'node:os';

// The prefix is the number of 1 bits in the netmask: 255.255.240.0 has 8 + 8 + 4 = 20.
function prefixOf(netmask: string): number {
  return netmask
    .split('.')
    .map((part) => Number(part).toString(2).replace(/0/g, '').length)
    .reduce((sum, ones) => sum + ones, 0);
}

process.stdout.write(`host: ${os.hostname()}\n`);
const interfaces = os.networkInterfaces();
for (const name of Object.keys(interfaces).sort()) {
  for (const { address, netmask, mac, internal } of interfaces[name] ?? []) {
    if (internal) continue;
    process.stdout.write(`${name} ${address}/${prefixOf(netmask)} ${mac}\n`);
  }
}
