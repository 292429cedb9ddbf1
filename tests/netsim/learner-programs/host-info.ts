// What a program can learn about its host and its names: os, dns (callbacks and promises), util.promisify,
// timers/promises, and process.
import os from 'node:os';
import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import util from 'node:util';
import { setTimeout as sleep, setImmediate as nextTurn, scheduler } from 'node:timers/promises';
import { setInterval as every, clearInterval } from 'node:timers';
import process from 'node:process';
import net from 'node:net';

console.log(`I am ${os.hostname()} (${os.platform()} ${os.arch()}, ${os.endianness()})${os.EOL}`);
for (const [card, addresses] of Object.entries(os.networkInterfaces())) {
  for (const info of addresses ?? []) {
    const kind = info.internal ? 'loopback' : 'network';
    console.log(`${card}: ${info.address}/${info.netmask} ${info.family} ${info.mac} ${kind} ${info.cidr ?? ''}`);
  }
}
const eth0 = os.networkInterfaces()['eth0']?.[0]?.address ?? '127.0.0.1';
console.log(net.isIPv4(eth0), net.isIP(eth0), net.isIPv6('::1'));

dns.lookup('web', (err, address, family) => {
  if (err) return console.error(err.code, err.syscall);
  console.log(`web is ${address} (IPv${family})`);
});
dns.lookup('web', { all: true }, (err, addresses) => {
  if (!err) console.log(addresses.map((a) => `${a.address}/${a.family}`).join(' '));
});

const { address } = await dns.promises.lookup('web');
const all = await lookup('www', { all: true });
console.log(address, all.length, dns.NOTFOUND);
try {
  await lookup('nosuch');
} catch (err) {
  if ((err as NodeJS.ErrnoException).code === dns.NOTFOUND) console.log('no such host');
}

const lookupAsync = util.promisify(dns.lookup);
const found = await lookupAsync('web');
console.log(found.address, found.family);
const wait = util.promisify(setTimeout);
await wait(100);
await sleep(100);
const value: string = await sleep(10, 'done');
await nextTurn();
await scheduler.wait(5);
await scheduler.yield();
console.log(value, util.inspect({ nested: { deep: { deeper: 1 } } }, { depth: 0 }));

let ticks = 0;
const timer = every(() => {
  if (++ticks === 3) clearInterval(timer);
}, 1000);
const once = setTimeout(() => console.log('later'), 500);
once.refresh();
clearTimeout(once);
setImmediate(() => process.nextTick(() => console.log('tick')));

console.log(process.argv.slice(2), process.env['HOME'], process.pid, process.platform, process.version);
process.stdout.write(`uptime ${process.uptime().toFixed(3)} s\n`);
process.stderr.write('a warning\n');
process.on('exit', (code) => console.log(`exiting with ${code}`));
process.on('uncaughtException', (err, origin) => console.error(origin, err.message));
process.exitCode = 0;
if (ticks > 10) process.exit(1);
