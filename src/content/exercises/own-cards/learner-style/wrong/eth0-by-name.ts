import os from 'node:os';

console.log(`host ${os.hostname()}`);
const eth0 = os.networkInterfaces().eth0![0]!;
console.log(`eth0 ${eth0.cidr} ${eth0.mac}`);
