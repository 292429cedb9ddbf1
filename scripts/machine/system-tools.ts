/**
 * System tools some tests drive besides Chromium. On Debian as root the setup installs a missing one; anywhere
 * else the tests that need it are skipped, and say why in a line of the test output (never a silent pass).
 */
import { apt, type Apt } from './debian.ts';
import type { Machine } from './machine.ts';

export interface SystemTool {
  readonly debianPackage: string;
  /** The tests that need it, as the skip line names them. */
  readonly neededBy: string;
}

const twoHostTests = 'The two-host differential tests (tests/netsim/differential/two-host*)';

export const systemTools = {
  ip: { debianPackage: 'iproute2', neededBy: twoHostTests },
  // Turns IPv6 off inside the namespaces, which netsim's IPv4-only hosts lack.
  sysctl: { debianPackage: 'procps', neededBy: twoHostTests },
  // Shows the recipe's listening socket as a learner's own computer would.
  ss: { debianPackage: 'iproute2', neededBy: 'The "Run it on your computer" recipe tests (tests/exercises/on-your-computer.test.ts)' },
  nft: { debianPackage: 'nftables', neededBy: 'The packet-loss differential tests' },
} as const satisfies Record<string, SystemTool>;

export type ToolName = keyof typeof systemTools;

/** The tools a test in the tree uses today; `nft` joins when packet loss is tested. */
export const toolsTheTestsNeed: readonly ToolName[] = ['ip', 'sysctl', 'ss'];

export type ToolStatus =
  | { readonly path: string; readonly installed: boolean }
  | { readonly path: undefined; readonly skipReason: string };

function missingSentence(name: ToolName): string {
  const { debianPackage, neededBy } = systemTools[name];
  return (
    `${neededBy} need \`${name}\`, which is not on PATH, so they are skipped: install ${debianPackage} ` +
    `(Debian: \`sudo apt-get install ${debianPackage}\`; \`npm test\` run as root on Debian installs it).`
  );
}

/** Why the tests needing `name` cannot run here, or undefined when the tool is on PATH. */
export function toolSkipReason(machine: Machine, name: ToolName): string | undefined {
  return machine.which(name) === undefined ? missingSentence(name) : undefined;
}

/** Finds `name`, or installs its Debian package when that is possible here; otherwise says what will be skipped. */
export async function ensureTool(machine: Machine, name: ToolName, log: (line: string) => void, debian: Apt = apt(machine)): Promise<ToolStatus> {
  const present = machine.which(name);
  if (present !== undefined) return { path: present, installed: false };
  const { debianPackage } = systemTools[name];
  if (debian.unavailable === undefined) {
    log(`${name} is missing: installing Debian's ${debianPackage} with apt-get…`);
    const outcome = await debian.install(debianPackage);
    const installed = machine.which(name);
    if (outcome.ok && installed !== undefined) return { path: installed, installed: true };
    log(`${name} could not be installed: ${outcome.ok ? `apt-get installed ${debianPackage} but there is still no ${name} on PATH` : outcome.reason}.`);
  }
  return { path: undefined, skipReason: missingSentence(name) };
}
