import os from 'node:os';

console.log(`host ${os.hostname()}`);
for (const [name, infos] of Object.entries(os.networkInterfaces())) {
  for (const info of infos ?? []) {
    if (!info.internal) console.log(`${name} ${info.address} ${info.mac}`);
  }
}
