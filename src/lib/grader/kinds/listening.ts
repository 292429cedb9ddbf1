import type { ListeningCheck } from '../checks';
import type { RunRecord } from '../../runner/protocol';
import { formatEndpoint, isLoopback, listInWords, listenersOf, nicAddresses } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';
import { knocksAt, listeningTimes } from '../facts';

const ms = (at: number) => `${Math.round(at)} ms`;

/** A server listens on host:port, on an address the check accepts. */
export function evaluateListening(check: ListeningCheck, record: RunRecord): Verdict {
  const protocol = check.protocol ?? 'tcp';
  const where = `${check.host}:${check.port}`;
  const accepted = check.addresses ?? ['0.0.0.0', ...nicAddresses(record, check.host)];
  const onHost = listenersOf(record, check.host, protocol);
  const onPort = onHost.filter((e) => e.port === check.port);
  const good = onPort.find((e) => accepted.includes(e.ip));
  if (good) {
    const how = good.ip === '0.0.0.0' ? 'on every address' : `on ${good.ip}`;
    // It must have been listening when the clients came: a server that closed first (or listened late) turns them away.
    if (protocol === 'tcp') {
      const spans = listeningTimes(record, check.host, check.port).filter((span) => accepted.includes(span.ip));
      const turnedAway = knocksAt(record, check.host, check.port).find((at) => !spans.some((span) => span.from <= at && at < span.until));
      if (turnedAway !== undefined && spans.length > 0) {
        const span = spans[0]!;
        const when = span.from > turnedAway ? `it only started listening at ${ms(span.from)}` : `it had stopped listening at ${ms(span.until)}`;
        return fail(`A server listened on ${where} (${how}), but not when a client came at ${ms(turnedAway)}: ${when}. Keep the server listening while clients connect.`);
      }
    }
    return pass(`A ${protocol.toUpperCase()} server listens on ${where} (${how}: ${formatEndpoint(good)}).`);
  }
  if (onPort.length > 0) {
    const ips = onPort.map((e) => e.ip);
    const loopbackOnly = ips.every(isLoopback);
    return fail(
      `Something listens on port ${check.port} of ${check.host}, but only on ${listInWords(ips)}` +
        (loopbackOnly ? ', which other hosts cannot reach.' : '.') +
        ` It should listen on ${listInWords(accepted)}.`,
    );
  }
  if (onHost.length > 0) {
    return fail(
      `No server is listening on ${where}. Your program listened on ${listInWords(onHost.map(formatEndpoint))} instead.`,
    );
  }
  return fail(`No server is listening on ${where}: no ${protocol.toUpperCase()} socket on ${check.host} ever listened.`);
}
