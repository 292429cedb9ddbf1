import type { BytesDeliveredCheck } from '../checks';
import type { RunRecord } from '../../runner/protocol';
import { formatEndpoint, plural } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';

const ROLE_WORDS = { connector: 'client socket', accepted: 'accepted socket', datagram: 'UDP socket' } as const;

/** These bytes reached that side: a socket of the given role on the given host received the text. */
export function evaluateBytesDelivered(check: BytesDeliveredCheck, record: RunRecord): Verdict {
  const { to } = check;
  const what = ROLE_WORDS[to.role];
  const sockets = record.streams.filter(
    (s) => s.host === to.host && s.role === to.role && (to.peerPort === undefined || s.remote?.port === to.peerPort),
  );
  const shown = JSON.stringify(check.text);
  if (sockets.length === 0) {
    return fail(`No ${what} on ${to.host}${to.peerPort === undefined ? '' : ` talking to port ${to.peerPort}`} existed, so ${shown} could not reach it.`);
  }
  const got = sockets.filter((s) => s.received.includes(check.text));
  const ok = check.every ? got.length === sockets.length : got.length > 0;
  if (ok) {
    return pass(
      `${shown} reached ${to.host}: ${got.length === 1 ? `the ${what} ${formatEndpoint(got[0]!.local)} received it` : `${plural(got.length, what)} received it`}.`,
    );
  }
  const empty = sockets.filter((s) => s.receivedBytes === 0);
  const missing = sockets.filter((s) => !s.received.includes(check.text));
  const example = missing.find((s) => s.receivedBytes > 0);
  if (empty.length === sockets.length) {
    return fail(`${shown} never reached ${to.host}: ${sockets.length === 1 ? `its ${what} received` : `its ${plural(sockets.length, what)} received`} no bytes at all.`);
  }
  return fail(
    `${shown} did not reach every ${what} on ${to.host}: ${plural(missing.length, 'socket')} of ${sockets.length} went without it` +
      (example ? ` (${formatEndpoint(example.local)} received ${JSON.stringify(clip(example.received))}).` : '.'),
  );
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
