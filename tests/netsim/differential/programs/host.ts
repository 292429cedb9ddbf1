/** Programs that ask the host about itself: its interfaces, its name, and what its names resolve to. */
import type { Program } from './types.ts';

/** Prints one JSON line. */
function report(node: Parameters<Program>[0], value: unknown): void {
  node.process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** An error as the fields a program can print of it. */
function fields(error: unknown): unknown {
  if (!(error instanceof Error)) return { notAnError: String(error) };
  const { code, errno, syscall, hostname } = error as Error & Record<string, unknown>;
  return { name: error.name, message: error.message, code, errno, syscall, hostname };
}

/** os.networkInterfaces() as it is, and the order of its names. */
const osInterfaces: Program = (node) => {
  const interfaces = node.os.networkInterfaces();
  report(node, { names: Object.keys(interfaces), interfaces });
};

/** The host's name and the constants a network program compares against. */
const osBasics: Program = (node) => {
  const { os } = node;
  const { errno, signals } = os.constants;
  report(node, {
    hostname: os.hostname(),
    EOL: os.EOL,
    platform: os.platform(),
    type: os.type(),
    endianness: os.endianness(),
    errno: { ECONNREFUSED: errno.ECONNREFUSED, EADDRINUSE: errno.EADDRINUSE, ECONNRESET: errno.ECONNRESET, ETIMEDOUT: errno.ETIMEDOUT, EHOSTUNREACH: errno.EHOSTUNREACH },
    signals: { SIGINT: signals.SIGINT, SIGTERM: signals.SIGTERM },
  });
};

/** What the host's names resolve to, through the callback and the promise API. */
const dnsNames: Program = async (node) => {
  const { dns, os } = node;
  const lookup = (name: string, options: { all?: boolean } = {}) =>
    new Promise((resolve) => dns.lookup(name, options, (error, address, family) => resolve(error ? { error: fields(error) } : { address, family: family ?? 'undefined' })));
  report(node, {
    web: await lookup('web'),
    laptop: await lookup('laptop'),
    ownHostname: await lookup(os.hostname()),
    localhost: await lookup('localhost'),
    upperCase: await lookup('WEB'),
    all: await lookup('web', { all: true }),
    promises: await dns.promises.lookup('web'),
    promisesAll: await dns.promises.lookup('localhost', { all: true }),
  });
};

/** A name no host has: the error of dns.lookup, of dns.promises.lookup, and of net.connect. */
const dnsNotFound: Program = async (node) => {
  const { dns, net } = node;
  const viaCallback = await new Promise((resolve) => dns.lookup('nosuch', (error) => resolve(fields(error))));
  const viaPromise = await dns.promises.lookup('nosuch.invalid').then(() => 'resolved', fields);
  const viaConnect = await new Promise((resolve) => {
    const socket = net.connect(80, 'nosuch');
    socket.on('error', (error) => resolve(fields(error)));
  });
  report(node, { viaCallback, viaPromise, viaConnect });
};

export const hostPrograms = {
  'os-interfaces': osInterfaces,
  'os-basics': osBasics,
  'dns-names': dnsNames,
  'dns-not-found': dnsNotFound,
} satisfies Record<string, Program>;
