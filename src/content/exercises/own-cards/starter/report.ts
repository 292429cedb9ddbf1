import os from 'node:os';

// TODO: print this computer's name (os.hostname()).
// TODO: os.networkInterfaces() gives { lo: [...], eth0: [...], ... }: one key per interface, and for each a
//       list of addresses ({ address, netmask, family, mac, internal, cidr }). Print one line per card:
//       its name, its address with the prefix, and its MAC address. Skip lo (internal is true).
console.log(os.networkInterfaces());
