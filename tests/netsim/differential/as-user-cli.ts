/**
 * Runs one privileged-port scenario on real Node as the user this process runs as, printing one JSON line:
 *   node as-user-cli.ts <scenario index>   → {"uid":65534,"observation":…}
 * `as-user.ts` starts it as uid 65534 when the suite runs as root. Node ≥ 22.18 strips the types; the
 * relative imports keep their extensions for that reason.
 */
import { realPlatform } from './real-platform.ts';
import { privilegedPortScenarios } from './scenarios/privileged.ts';

const scenario = privilegedPortScenarios[Number(process.argv[2])];
if (scenario === undefined) {
  console.error('usage: node as-user-cli.ts <scenario index>');
  process.exit(2);
}
const observation = await scenario.run(realPlatform());
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), observation })}\n`);
process.exit(0);
