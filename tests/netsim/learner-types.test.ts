import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let declarations = '';

beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), 'learner-types-')), 'learner-types.d.ts');
  execFileSync(process.execPath, [join(root, 'scripts/gen-learner-types.mjs'), '--out', out]);
  declarations = readFileSync(out, 'utf8');
}, 60_000);

/** Type-checks one learner file against the generated declarations only (no @types/node). */
function diagnose(source: string): string[] {
  const files = new Map([['/learner.ts', source], ['/learner-types.d.ts', declarations]]);
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], noEmit: true, esModuleInterop: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, version) : read(name, version));
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram(['/learner.ts', '/learner-types.d.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

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
