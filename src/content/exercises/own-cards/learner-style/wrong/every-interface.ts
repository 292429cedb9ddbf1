import os from 'node:os';

console.log(`host ${os.hostname()}`);
const interfaces = os.networkInterfaces();
for (const name of Object.keys(interfaces)) {
  for (const info of interfaces[name] ?? []) {
    console.log(`${name} ${info.cidr} ${info.mac}`);
  }
}
