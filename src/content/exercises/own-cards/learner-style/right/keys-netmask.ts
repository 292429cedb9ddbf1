import os from 'node:os';

const cards = os.networkInterfaces();
console.log('hostname:', os.hostname());
Object.keys(cards).forEach((name) => {
  cards[name]?.forEach((info) => {
    if (info.family === 'IPv4' && name !== 'lo') {
      console.log(name, 'inet', info.address, 'netmask', info.netmask, 'ether', info.mac);
    }
  });
});
