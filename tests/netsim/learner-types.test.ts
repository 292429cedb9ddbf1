import { beforeAll, describe, expect, it } from 'vitest';
import { generateLearnerTypes, typeProblems } from '../support/learner-types';

let declarations = '';

beforeAll(() => {
  declarations = generateLearnerTypes();
}, 120_000);

/** Type-checks one learner file as the editor does: against the generated declarations only. */
const diagnose = (source: string) => typeProblems(declarations, source, 'learner.ts');

describe('the generated learner types', () => {
  it('type-check a learner program written for real Node', () => {
    const problems = diagnose(`
      import net from 'node:net';
      import dgram from 'node:dgram';
      import { EventEmitter, once } from 'node:events';
      import { setTimeout as sleep } from 'node:timers/promises';
      const server = net.createServer((socket) => {
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => socket.write(String(chunk).toUpperCase()));
        socket.on('end', () => socket.end());
      });
      server.listen(80, '0.0.0.0', () => console.log(server.address()));
      const udp = dgram.createSocket('udp4');
      udp.on('message', (msg, rinfo) => console.log(msg.toString(), rinfo.address, rinfo.port));
      udp.bind(53);
      async function main() {
        const client = net.connect({ port: 80, host: 'web' });
        await once(client, 'connect');
        client.write(Buffer.from('hi'));
        await sleep(10);
        client.end();
      }
      void main();
      new EventEmitter().emit('x');
    `);
    expect(problems).toEqual([]);
  }, 120_000);

  it('reject a wrong call', () => {
    const problems = diagnose(`import net from 'node:net'; net.createServer(42);`);
    expect(problems.join('\n')).toContain('42');
  }, 120_000);

  it('carry the doc comments learners see on hover', () => {
    expect(declarations).toContain('Creates a TCP server.');
  });
});
