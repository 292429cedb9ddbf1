/**
 * `ping` (iputils): ICMP echo through netsim, one request a second. Real ping runs until Ctrl+C; here it
 * stops after 4 requests unless `-c` says otherwise, so a forgotten ping does not run forever.
 */
import { sleep, type CommandSpec } from '../command';
import { pingReplyLine, pingStatistics } from '../format/ping';
import { getopt } from '../getopt';

export const DEFAULT_PING_COUNT = 4;
/** iputils waits this long for late replies after the last request (its MAXWAIT). */
const LINGER_MS = 10_000;

export const pingCommand: CommandSpec = {
  name: 'ping',
  summary: 'ping HOST: is it reachable? (-c N requests, default 4; Ctrl+C stops)',
  async run(context) {
    const parsed = getopt(context.args, 'nqv4DO', 'ciWws');
    if (parsed.kind === 'unknown') {
      context.out(`ping: invalid option -- '${parsed.option.replace(/^-+/, '')}'\n`);
      return 2;
    }
    if (parsed.kind === 'missing-value') {
      context.out(`ping: option requires an argument -- '${parsed.option}'\n`);
      return 2;
    }
    const { flags, operands } = parsed;
    const target = operands[0];
    if (target === undefined) {
      context.out('ping: usage error: Destination address required\n');
      return 1;
    }
    const count = flags.has('c') ? Number(flags.get('c')) : DEFAULT_PING_COUNT;
    if (!Number.isInteger(count) || count < 1) {
      context.out(`ping: invalid argument: '${String(flags.get('c'))}': out of range: 1 <= value <= 9223372036854775807\n`);
      return 1;
    }
    const intervalMs = flags.has('i') ? Number(flags.get('i')) * 1000 : 1000;
    if (!(intervalMs >= 2)) {
      context.out(`ping: bad timing interval: ${String(flags.get('i'))}\n`);
      return 1;
    }
    const ip = context.network.resolve(target);
    if (ip === undefined) {
      context.out(`ping: ${target}: Name or service not known\n`);
      return 2;
    }
    const quiet = flags.has('q');
    const shownAs = target === ip ? ip : `${target} (${ip})`;
    const host = context.network.hosts().find((h) => h.name === context.host);
    const ownIp = host?.nics.find((n) => !n.loopback)?.ip ?? '127.0.0.1';
    context.out(`PING ${target} (${ip}) 56(84) bytes of data.\n`);

    const process = context.spawn('ping');
    const started = context.network.now;
    const rtts: number[] = [];
    let errors = 0;
    let transmitted = 0;
    const outstanding = new Set<Promise<void>>();
    for (let seq = 1; seq <= count && !context.isInterrupted(); seq++) {
      transmitted++;
      const answer = context.network.ping(context.host, ip, seq).then((result) => {
        if (context.isInterrupted()) return;
        if (result.ok) {
          rtts.push(result.rttMs);
          if (!quiet) context.out(pingReplyLine(shownAs, seq, result.rttMs));
        } else if (result.reason === 'unreachable') {
          errors++;
          if (!quiet) context.out(`From ${ownIp} icmp_seq=${seq} Destination Host Unreachable\n`);
        }
      });
      outstanding.add(answer);
      void answer.finally(() => outstanding.delete(answer));
      if (seq < count) await Promise.race([sleep(process, intervalMs), context.interrupted]);
    }
    if (!context.isInterrupted() && outstanding.size > 0) {
      await Promise.race([Promise.all(outstanding), sleep(process, LINGER_MS), context.interrupted]);
    }
    context.out(pingStatistics({ target, transmitted, rtts, errors, elapsedMs: context.network.now - started }));
    return rtts.length > 0 ? 0 : 1;
  },
};
