import os from 'node:os';

const lines = Object.entries(os.networkInterfaces())
  .flatMap(([name, list]) => (list ?? []).map((info) => ({ name, ...info })))
  .filter((card) => !card.internal && card.family === 'IPv4')
  .map((card) => `  ${card.name.padEnd(10)} ${card.cidr}  (${card.mac})`);

console.log([`Cards of ${os.hostname()}:`, ...lines].join('\n'));
