/**
 * Two real Linux hosts for the reference side: network namespaces `laptop` and `web` joined by a veth pair,
 * as in /work/shared/reference-output/README.md. Names are unique per run so parallel runs do not collide.
 * Each is made to look like netsim's host of the same name: IPv4 only (netsim emulates IPv4-only hosts), its
 * NIC named eth0, and an /etc/hosts that knows the topology's names and nothing else (`ip netns exec` mounts
 * /etc/netns/<namespace>/hosts and nsswitch.conf over /etc's; `hosts: files`, so no DNS server is asked).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { realMachine, type Machine } from '../../../../scripts/machine/machine';
import { toolSkipReason } from '../../../../scripts/machine/system-tools';
import { LAPTOP, WEB } from './roles';

const ROLE_CLI = fileURLToPath(new URL('./role-cli.ts', import.meta.url));
/** The Node that runs vitest (≥ 22.18, so it strips types from role-cli.ts). */
const NODE = realpathSync(process.execPath);

export interface TwoHosts {
  laptop: string;
  web: string;
  teardown(): void;
}

/** What each namespace's /etc/hosts says: the topology's names, as netsim resolves them. */
const HOSTS_FILE = `127.0.0.1 localhost\n${LAPTOP.ip} ${LAPTOP.name}\n${WEB.ip} ${WEB.name}\n`;

/** The name the NIC has on netsim's hosts. */
export const NIC_NAME = 'eth0';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Why the two-host tests cannot run on this machine, as the sentence of their skip line, or undefined when
 * they can: the tests must run as root, `ip` and `sysctl` must be there (the test setup installs them on Debian
 * as root), and this kernel must let us make a namespace (a container without CAP_SYS_ADMIN does not).
 */
export function twoHostSkipReason(machine: Machine = realMachine()): string | undefined {
  if (machine.uid !== 0) {
    return 'The two-host differential tests need root to create network namespaces (`ip netns`), so they are skipped: run them as root (CI does).';
  }
  const missing = toolSkipReason(machine, 'ip') ?? toolSkipReason(machine, 'sysctl');
  if (missing !== undefined) return missing;
  const probe = `ep-probe-${process.pid % 100000}`;
  try {
    ip('netns', 'add', probe);
  } catch (error) {
    const said = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    return `The two-host differential tests cannot create a network namespace here (ip netns add: ${said}), so they are skipped: run them as root on a machine or container that allows it (CAP_SYS_ADMIN).`;
  }
  ip('netns', 'del', probe);
  return undefined;
}

export function createTwoHosts(): TwoHosts {
  const tag = `${process.pid % 100000}`;
  const laptop = `ep-laptop-${tag}`;
  const web = `ep-web-${tag}`;
  // Interface names are limited to 15 characters.
  const laptopIf = `epl${tag}`;
  const webIf = `epw${tag}`;
  const teardown = () => {
    for (const namespace of [laptop, web]) {
      try {
        ip('netns', 'del', namespace); // deleting a namespace deletes its end of the veth pair too
      } catch {
        // already gone
      }
      rmSync(`/etc/netns/${namespace}`, { recursive: true, force: true });
    }
  };
  try {
    for (const namespace of [laptop, web]) {
      ip('netns', 'add', namespace);
      mkdirSync(`/etc/netns/${namespace}`, { recursive: true });
      writeFileSync(`/etc/netns/${namespace}/hosts`, HOSTS_FILE);
      writeFileSync(`/etc/netns/${namespace}/nsswitch.conf`, 'hosts: files\n');
      for (const scope of ['all', 'default', 'lo']) {
        execFileSync('ip', ['netns', 'exec', namespace, 'sysctl', '-q', '-w', `net.ipv6.conf.${scope}.disable_ipv6=1`], { stdio: ['ignore', 'ignore', 'pipe'] });
      }
    }
    ip('link', 'add', laptopIf, 'type', 'veth', 'peer', 'name', webIf);
    ip('link', 'set', laptopIf, 'netns', laptop);
    ip('link', 'set', webIf, 'netns', web);
    for (const [namespace, nic, host] of [[laptop, laptopIf, LAPTOP], [web, webIf, WEB]] as const) {
      ip('-n', namespace, 'link', 'set', nic, 'name', NIC_NAME);
      ip('-n', namespace, 'addr', 'add', `${host.ip}/${host.prefix}`, 'dev', NIC_NAME);
      ip('-n', namespace, 'link', 'set', NIC_NAME, 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
    }
  } catch (error) {
    teardown();
    throw error;
  }
  return { laptop, web, teardown };
}

/** A role running in a namespace: its JSON lines, and a way to stop it. */
export interface RunningRole {
  lines: unknown[];
  /** Resolves with the first line (the server's `ready`, the client's observation). */
  firstLine: Promise<unknown>;
  stop(): Promise<void>;
}

export function startRole(namespace: string, role: 'server' | 'client', scenarioIndex: number): RunningRole {
  const child = spawn('ip', ['netns', 'exec', namespace, NODE, '--no-warnings', ROLE_CLI, role, String(scenarioIndex)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: unknown[] = [];
  let stderr = '';
  let buffered = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = new Promise<unknown>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buffered.slice(0, newline)));
        buffered = buffered.slice(newline + 1);
        if (lines.length === 1) resolve(lines[0]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(() => reject(new Error(`${role} in ${namespace} exited before reporting (exit ${child.exitCode}): ${stderr}`)));
  });
  return {
    lines,
    firstLine,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * The command line that runs `command` as host `hostName` in `namespace`: its own UTS namespace with the
 * host's name (so `os.hostname()` is `laptop`, as on netsim), and the namespace's network and /etc/hosts.
 */
export function inHost(namespace: string, hostName: string, command: readonly string[]): string[] {
  return ['ip', 'netns', 'exec', namespace, 'unshare', '--uts', '--', '/bin/sh', '-c', 'hostname "$0" && exec "$@"', hostName, ...command];
}
