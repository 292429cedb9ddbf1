import os from 'node:os';

console.log(`host ${os.hostname()}`);
const interfaces = os.networkInterfaces();
for (const name in interfaces) {
  if (name === 'lo') continue;
  for (const address in interfaces[name]) console.log(`${name} ${address}`);
}
