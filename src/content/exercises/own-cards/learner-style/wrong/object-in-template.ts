import os from 'node:os';

console.log(`host ${os.hostname()}`);
for (const [name, infos] of Object.entries(os.networkInterfaces())) {
  if (name === 'lo') continue;
  console.log(`${name}: ${infos}`);
}
