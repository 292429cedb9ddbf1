/**
 * Hand-built RunRecords for grader tests: a two-host network (web 10.0.0.2, laptop 10.0.0.10) and helpers
 * that add what netsim would have recorded (listeners, connections with both ends, errors, console).
 */
import type { HostView, SocketErrorRecord, StreamRecord } from '../../src/lib/netsim/types';
import type { ConsoleLine, RunRecord } from '../../src/lib/runner/protocol';

const host = (name: string, ip: string, index: number): HostView => ({
  name,
  nics: [
    { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, loopback: true },
    { index: 2, name: 'eth0', mac: `02:00:00:00:00:0${index}`, ip, prefix: 24, loopback: false },
  ],
  processes: [{ name: 'node', pid: 4000 + index, runAs: 'root' }],
});

export function emptyRecord(): RunRecord {
  return {
    version: 1,
    exerciseId: 'test',
    outcome: 'finished',
    console: [],
    trace: [],
    sockets: [],
    streams: [],
    errors: [],
    hosts: [host('web', '10.0.0.2', 1), host('laptop', '10.0.0.10', 2)],
    endedAt: 100,
    wallMs: 1,
  };
}

let nextSocket = 1;
const owner = { name: 'node', pid: 4001, fd: 18, runAs: 'root' as const };

function stream(partial: Partial<StreamRecord> & Pick<StreamRecord, 'host' | 'role' | 'local'>): StreamRecord {
  return {
    socket: nextSocket++,
    protocol: 'tcp',
    remote: null,
    owner,
    received: '',
    receivedBytes: 0,
    sent: '',
    sentBytes: 0,
    state: 'ESTABLISHED',
    ...partial,
  };
}

/** A builder over one record: each method adds what netsim would record, then `.done()` returns it. */
export class RecordBuilder {
  readonly record = emptyRecord();

  listen(hostName: string, ip: string, port: number): this {
    this.record.streams.push(stream({ host: hostName, role: 'listener', local: { ip, port }, state: 'LISTEN' }));
    this.record.sockets.push({ id: nextSocket, host: hostName, protocol: 'tcp', state: 'LISTEN', local: { ip, port }, remote: null, recvQ: 0, sendQ: 0, owner });
    return this;
  }

  /** A completed connection: the client's connector and the server's accepted socket. */
  connect(
    client: { host: string; ip: string; port: number },
    server: { host: string; ip: string; port: number },
    bytes: { clientSent?: string; serverSent?: string; serverState?: StreamRecord['state'] } = {},
  ): this {
    const clientSent = bytes.clientSent ?? '';
    const serverSent = bytes.serverSent ?? '';
    this.record.streams.push(
      stream({
        host: client.host, role: 'connector', local: { ip: client.ip, port: client.port }, remote: { ip: server.ip, port: server.port },
        sent: clientSent, sentBytes: clientSent.length, received: serverSent, receivedBytes: serverSent.length,
      }),
      stream({
        host: server.host, role: 'accepted', local: { ip: server.ip, port: server.port }, remote: { ip: client.ip, port: client.port },
        sent: serverSent, sentBytes: serverSent.length, received: clientSent, receivedBytes: clientSent.length, state: bytes.serverState ?? 'ESTABLISHED',
      }),
    );
    if (bytes.serverState) {
      this.record.sockets.push({ id: nextSocket, host: server.host, protocol: 'tcp', state: bytes.serverState, local: { ip: server.ip, port: server.port }, remote: { ip: client.ip, port: client.port }, recvQ: 0, sendQ: 0, owner });
    }
    return this;
  }

  /** A connection attempt nobody accepted (refused): only the client's socket exists. */
  attempt(client: { host: string; ip: string; port: number }, server: { ip: string; port: number }): this {
    this.record.streams.push(stream({ host: client.host, role: 'connector', local: { ip: client.ip, port: client.port }, remote: server, state: 'CLOSED' }));
    return this;
  }

  error(hostName: string, code: string, handled: boolean, message = `connect ${code} 10.0.0.2:8080`): this {
    const error: SocketErrorRecord = { at: 10, host: hostName, pid: 4002, socket: null, code, syscall: message.split(' ')[0]!, message, handled };
    this.record.errors.push(error);
    return this;
  }

  print(file: string, text: string, stream: ConsoleLine['stream'] = 'log'): this {
    this.record.console.push({ file, text, stream, at: 5 });
    return this;
  }

  outcome(outcome: RunRecord['outcome'], error?: RunRecord['error']): this {
    this.record.outcome = outcome;
    if (error) this.record.error = error;
    return this;
  }

  done(): RunRecord {
    return this.record;
  }
}

export const build = () => new RecordBuilder();
export const laptop = (port: number) => ({ host: 'laptop', ip: '10.0.0.10', port });
export const web = (port: number) => ({ host: 'web', ip: '10.0.0.2', port });
