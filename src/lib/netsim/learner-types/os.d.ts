/**
 * The host the program runs on: its name and its network cards (`networkInterfaces()`), as Linux reports
 * them. The hosts here are IPv4-only, so no IPv6 addresses are listed (a real Linux host would list `::1`
 * and `fe80::…` too).
 */

/** One address of a network card. */
export interface NetworkInterfaceInfo {
  /** The card's IP address, such as `'10.0.0.2'` (`'127.0.0.1'` on the loopback card `lo`). */
  address: string;
  /** The subnet mask, such as `'255.255.255.0'` for a /24. */
  netmask: string;
  /** `'IPv4'`. */
  family: string;
  /** The card's hardware (MAC) address; `'00:00:00:00:00:00'` for `lo`. */
  mac: string;
  /** True for the loopback card (`lo`), which only this host can reach. */
  internal: boolean;
  /** The address with its prefix length, such as `'10.0.0.2/24'`. */
  cidr: string | null;
}

/** The host's name, as in the course's network diagram (`'web'`, `'laptop'`). */
export function hostname(): string;
/**
 * The host's network cards and their addresses, keyed by card name: `{ lo: […], eth0: […] }`.
 * @example os.networkInterfaces().eth0?.[0]?.address // '10.0.0.2'
 */
export function networkInterfaces(): Record<string, NetworkInterfaceInfo[] | undefined>;
/** Linux's numbers for things. */
export const constants: {
  /** The error numbers netsim can give, positive as Linux numbers them: `ECONNREFUSED` is 111 (`err.errno` is −111). */
  readonly errno: { readonly [code: string]: number };
  /** Signal numbers: `SIGINT` is 2, `SIGTERM` 15, `SIGKILL` 9… (no signals are sent here). */
  readonly signals: { readonly [name: string]: number };
  /** Scheduling priorities, from `PRIORITY_HIGHEST` (−20) to `PRIORITY_LOW` (19). */
  readonly priority: {
    /** 19. */
    readonly PRIORITY_LOW: number;
    /** 10. */
    readonly PRIORITY_BELOW_NORMAL: number;
    /** 0. */
    readonly PRIORITY_NORMAL: number;
    /** −7. */
    readonly PRIORITY_ABOVE_NORMAL: number;
    /** −14. */
    readonly PRIORITY_HIGH: number;
    /** −20. */
    readonly PRIORITY_HIGHEST: number;
  };
};
/** The line ending of this system: `'\n'` on Linux. */
export const EOL: string;
/** The path of the null device: `'/dev/null'`. */
export const devNull: string;
/** `'linux'`. */
export function platform(): string;
/** `'Linux'`. */
export function type(): string;
/** The kernel's release (an emulated one). */
export function release(): string;
/** The kernel's version string (an emulated one). */
export function version(): string;
/** The processor architecture: `'x64'`. */
export function arch(): string;
/** The machine type: `'x86_64'`. */
export function machine(): string;
/** The byte order of the processor: `'LE'` (little-endian, least significant byte first). Network byte order is big-endian. */
export function endianness(): 'BE' | 'LE';
/** The user's home folder: `'/home/learner'`. */
export function homedir(): string;
/** The folder for temporary files: `'/tmp'`. */
export function tmpdir(): string;
/** Seconds since the network started (virtual time). */
export function uptime(): number;
/** How many programs can run at once: 1 here. */
export function availableParallelism(): number;
/** The user running the program: `learner`. */
export function userInfo(): { uid: number; gid: number; username: string; homedir: string; shell: string | null };
