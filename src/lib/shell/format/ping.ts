/** What iputils' `ping` prints: the reply lines and the statistics at the end. */

/** iputils prints fewer decimals as the time grows: 0.195, 1.23, 12.3, 123. */
export function pingTime(ms: number): string {
  if (ms >= 100) return String(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function pingReplyLine(ip: string, seq: number, rttMs: number): string {
  return `64 bytes from ${ip}: icmp_seq=${seq} ttl=64 time=${pingTime(rttMs)} ms\n`;
}

export interface PingTally {
  target: string;
  transmitted: number;
  rtts: number[];
  /** Answers that were errors (Destination Host Unreachable). */
  errors: number;
  /** From the first request to the end, in ms. */
  elapsedMs: number;
}

export function pingStatistics(t: PingTally): string {
  const received = t.rtts.length;
  const loss = t.transmitted === 0 ? 0 : Math.round(((t.transmitted - received) * 100) / t.transmitted);
  let out = `\n--- ${t.target} ping statistics ---\n`;
  out += `${t.transmitted} packets transmitted, ${received} received, `;
  if (t.errors > 0) out += `+${t.errors} errors, `;
  out += `${loss}% packet loss, time ${Math.round(t.elapsedMs)}ms\n`;
  if (received > 0) {
    const min = Math.min(...t.rtts);
    const max = Math.max(...t.rtts);
    const avg = t.rtts.reduce((a, b) => a + b, 0) / received;
    const meanSquare = t.rtts.reduce((a, b) => a + b * b, 0) / received;
    const mdev = Math.sqrt(Math.max(meanSquare - avg * avg, 0));
    out += `rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join('/')} ms\n`;
  } else if (t.errors === 0) {
    out += '\n';
  }
  return out;
}
