/**
 * Runs one role of a two-host scenario on real Node inside a network namespace, printing JSON lines:
 *   node role-cli.ts server <scenario index>   → {"ready":true}, then one {"accepted":…} per connection
 *   node role-cli.ts client <scenario index>   → {"observation":…}
 * Run with Node ≥ 22.18 (type stripping); the relative import keeps its extension for that reason.
 */
import * as net from 'node:net';
import { connectOnce, startServer, twoHostScenarios } from './roles.ts';

const [role, index] = process.argv.slice(2);
const scenario = twoHostScenarios[Number(index)];
if (scenario === undefined || (role !== 'server' && role !== 'client')) {
  console.error('usage: node role-cli.ts server|client <scenario index>');
  process.exit(2);
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (role === 'server') {
  if (scenario.server === null) throw new Error(`scenario "${scenario.name}" has no server`);
  await startServer(net, scenario.server, (accepted) => print({ accepted }));
  print({ ready: true });
  // Stays up until the test closes our stdin.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  const observation = await connectOnce(net, scenario.connectTo, { now: () => performance.now() });
  print({ observation });
  process.exit(0);
}
