/** Who may not reach a server: a client's attempt was refused, and none of its connections was accepted. */
import type { RunRecord } from '../../runner/protocol';
import type { RefusedCheck } from '../checks';
import { acceptedPeerOf, connectorsFrom, formatEndpoint, hostOfAddress, isLoopback, reaches } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';

/** The end-point a connect error names at the end of its message, as Node's do: `connect ECONNREFUSED 10.0.0.2:80`. */
export function endpointOfError(message: string): { ip: string; port: number } | undefined {
  const match = /(\d{1,3}(?:\.\d{1,3}){3}):(\d+)/.exec(message);
  return match ? { ip: match[1]!, port: Number(match[2]) } : undefined;
}

export function evaluateRefused(check: RefusedCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const target = `${server.host}:${server.port}`;
  const towards = (ip: string) => hostOfAddress(record, ip) === server.host || (isLoopback(ip) && client.host === server.host);
  const accepted = connectorsFrom(record, client.host).filter((c) => reaches(record, c, server.host, server.port) && acceptedPeerOf(record, c));
  if (accepted.length > 0) {
    const c = accepted[0]!;
    return fail(
      `${client.host} reached ${target}: its connection from ${formatEndpoint(c.local)} to ${formatEndpoint(c.remote!)} was accepted. ` +
        `It should have been refused: only ${server.host} itself may reach port ${server.port}.`,
    );
  }
  const refused = record.errors.find((e) => {
    const at = endpointOfError(e.message);
    return e.host === client.host && e.code === 'ECONNREFUSED' && at !== undefined && at.port === server.port && towards(at.ip);
  });
  if (refused) return pass(`${client.host}'s connection to ${target} was refused (${refused.message}): nothing listens there for it.`);
  return fail(`${client.host} tried ${target} and was neither accepted nor refused, so the run shows nothing about who may reach it.`);
}
