import { it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim/index';
it('smoke', () => {
const net0 = createNetwork({ version: 1, hosts: [
  { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] },
  { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] } ] });
const web = net0.spawn('web', 'node'); const lap = net0.spawn('laptop', 'node');
const netW: any = web.modules['node:net']; const netL: any = lap.modules['node:net'];
const log: string[] = [];
const srv = netW.createServer((s: any) => { log.push('S:connection ' + s.remoteAddress + ':' + s.remotePort); s.on('data', (d: any) => { log.push('S:data ' + d); s.end(d); }); s.on('end', () => log.push('S:end')); s.on('close', (h: boolean) => log.push('S:close ' + h)); });
srv.listen(80, () => {
  log.push('listening');
  const c = netL.connect(80, 'web', () => { log.push('C:connect'); c.write('hello'); });
  c.on('data', (d: any) => log.push('C:data ' + d)); c.on('end', () => log.push('C:end')); c.on('close', (h: boolean) => { log.push('C:close ' + h); srv.close(); });
});
console.log(net0.runUntilIdle({maxVirtualMs: 1000}), net0.now);
console.log(log.join('\n'));
for (const e of net0.trace()) console.log(JSON.stringify(e));
console.log(net0.sockets());
const c2 = netL.connect(81, '10.0.0.2'); c2.on('error', (e: any) => console.log('err', e.message, e.code, e.errno));
const c3 = netL.connect(81, '10.0.0.3'); c3.on('error', (e: any) => console.log('err', e.message, net0.now));
const c4 = netL.connect(81, '10.9.9.9'); c4.on('error', (e: any) => console.log('err', e.message, net0.now));
const c5 = netL.connect(81, 'nosuch'); c5.on('error', (e: any) => console.log('err', e.message, e.hostname));
net0.runUntilIdle(); console.log(net0.now);
});
