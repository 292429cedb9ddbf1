/**
 * What a learner types as a short answer, read the way a teacher would: spaces, a trailing full stop, quotes
 * or backticks, full-width digits and letter case do not matter; `10.0.0.2 : 80` is `10.0.0.2:80`. Each kind
 * gives the answer one canonical text, or says in the learner's words why it cannot be read (then nothing is
 * graded or stored: the learner fixes the form and loses nothing).
 */

/** The kinds of short answer a question can ask for. */
export type AnswerKind = 'address' | 'port' | 'endpoint' | 'cidr' | 'number' | 'word';

export type Normalised = { ok: true; canonical: string } | { ok: false; message: string };

const ok = (canonical: string): Normalised => ({ ok: true, canonical });
const refuse = (message: string): Normalised => ({ ok: false, message });

/** Longest answer read at all (the input allows 100 characters; a pasted essay is not an address). */
export const MAX_ANSWER_CHARS = 100;

/** Strips what wraps an answer without changing it: spaces, quotes, backticks, a full stop at the end. */
export function tidy(typed: string): string {
  return typed
    .normalize('NFKC')
    .trim()
    .replace(/^[`"'“”‘’]+|[`"'“”‘’]+$/g, '')
    .replace(/[.。]+$/, '')
    .trim();
}

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

/** An IPv4 address in dotted decimal, or why not. */
function readAddress(text: string): Normalised {
  if (!/^[0-9.]+$/.test(text)) {
    return /[a-z]/i.test(text)
      ? refuse('Type an IP address — four numbers with dots between them, like 10.0.0.2 — not a name.')
      : refuse('An IP address is four numbers with dots between them, like 10.0.0.2.');
  }
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => part === '')) return refuse(`${text} is not four numbers with dots between them, like 10.0.0.2.`);
  if (parts.some((part) => part.length > 1 && part.startsWith('0'))) return refuse('Write each number without leading zeros, like 10.0.0.2.');
  if (parts.some((part) => Number(part) > 255)) return refuse(`${text} is not an address: each of the four numbers is from 0 to 255.`);
  return ok(parts.map(Number).join('.'));
}

/** A port number, 0 to 65535, or why not. */
function readPort(text: string): Normalised {
  const digits = text.replace(/^(?:port|tcp|udp)\s*/i, '').replace(/^:/, '').trim();
  if (!/^\d+$/.test(digits)) return refuse('Type the port as a number, like 80.');
  const port = Number(digits);
  if (port > 65535) return refuse(`${digits} is not a port: ports are numbered from 0 to 65535.`);
  return ok(String(port));
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

function readHost(host: string): Normalised {
  if (/^[0-9.]+$/.test(host)) return readAddress(host);
  const name = host.toLowerCase();
  return HOST_NAME.test(name) ? ok(name) : refuse(`${host} is neither an IP address nor a host name.`);
}

/**
 * An end-point, `host:port` (`10.0.0.2:80`, `web:8080`). A URL counts as the end-point it reaches
 * (`http://web/` is `web:80`); a host alone stays a host alone, so a question can answer that mistake.
 */
function readEndpoint(text: string): Normalised {
  const compact = withoutSpaces(text).toLowerCase();
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#]+)(?::(\d+))?(?:[/?#].*)?$/.exec(compact);
  if (url) {
    const [, scheme, host, port] = url as unknown as [string, string, string, string | undefined];
    const known = DEFAULT_PORTS[scheme];
    if (port === undefined && known === undefined) return refuse(`Say which port: ${scheme}:// has no port this course knows.`);
    const readH = readHost(host);
    if (!readH.ok) return readH;
    const readP = readPort(port ?? String(known));
    return readP.ok ? ok(`${readH.canonical}:${readP.canonical}`) : readP;
  }
  const colon = compact.lastIndexOf(':');
  if (colon === -1) return readHost(compact);
  const readH = readHost(compact.slice(0, colon));
  if (!readH.ok) return readH;
  const readP = readPort(compact.slice(colon + 1));
  return readP.ok ? ok(`${readH.canonical}:${readP.canonical}`) : readP;
}

/** A netmask (`255.255.255.0`) as its prefix length, or undefined when its ones are not all on the left. */
function prefixOfMask(mask: string): number | undefined {
  const read = readAddress(mask);
  if (!read.ok) return undefined;
  const bits = read.canonical.split('.').reduce((value, part) => value * 256 + Number(part), 0);
  for (let prefix = 0; prefix <= 32; prefix++) {
    if (bits === 2 ** 32 - 2 ** (32 - prefix)) return prefix;
  }
  return undefined;
}

/** An address with a prefix, `10.0.0.0/24` (a netmask after the slash is read as its prefix); an address alone stays alone. */
function readCidr(text: string): Normalised {
  const compact = withoutSpaces(text);
  const slash = compact.indexOf('/');
  if (slash === -1) return readAddress(compact);
  const address = readAddress(compact.slice(0, slash));
  if (!address.ok) return address;
  const after = compact.slice(slash + 1);
  const prefix = /^\d{1,2}$/.test(after) ? Number(after) : prefixOfMask(after);
  if (prefix === undefined || prefix > 32) return refuse(`After the slash comes the prefix length, a number from 0 to 32, like /24.`);
  return ok(`${address.canonical}/${prefix}`);
}

/** A whole number; thousands separators (`65,535`, `65 535`) are read as such. */
function readNumber(text: string): Normalised {
  const digits = text.replace(/[\s,_']/g, '');
  if (!/^\d+$/.test(digits)) return refuse('Type a whole number, like 254.');
  return ok(String(Number(digits)));
}

/** A word or a few (an error code, a command): case and spacing do not matter. */
function readWord(text: string): Normalised {
  const words = text.toLowerCase().replace(/\s+/g, ' ');
  return words ? ok(words) : refuse('Type an answer first.');
}

/** Reads a typed answer as `kind` asks. */
export function normalise(kind: AnswerKind, typed: string): Normalised {
  if (typed.length > MAX_ANSWER_CHARS) return refuse(`That is ${typed.length} characters long: the answer is a short one.`);
  const text = tidy(typed);
  if (text === '') return refuse('Type an answer first.');
  switch (kind) {
    case 'address':
      return readAddress(withoutSpaces(text));
    case 'port':
      return readPort(text);
    case 'endpoint':
      return readEndpoint(text);
    case 'cidr':
      return readCidr(text);
    case 'number':
      return readNumber(text);
    case 'word':
      return readWord(text);
    default: {
      const unknown: never = kind;
      return refuse(`Unknown kind of answer ${String(unknown)}.`);
    }
  }
}
