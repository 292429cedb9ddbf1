/**
 * `console.log` formatting close to Node's `util.format`: `%s %d %i %f %j %o %O %c %%` placeholders, then
 * the remaining arguments inspected (strings bare at top level, quoted inside objects), so what learners
 * see here matches what they see in a terminal.
 */

export function formatArgs(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let text: string;
  let next = 0;
  if (typeof first === 'string') {
    text = first.replace(/%([sdifjoOc%])/g, (whole, letter: string) => {
      if (letter === '%') return '%';
      if (next >= rest.length) return whole;
      const value = rest[next++];
      switch (letter) {
        case 's':
          return typeof value === 'string' ? value : typeof value === 'bigint' ? `${value}n` : inspect(value, 1);
        case 'd':
        case 'i': {
          const n = typeof value === 'bigint' ? value : Number(value);
          return typeof n === 'bigint' ? `${n}n` : String(letter === 'i' ? Math.trunc(n) : n);
        }
        case 'f':
          return String(Number.parseFloat(String(value)));
        case 'j':
          try {
            return JSON.stringify(value);
          } catch {
            return '[Circular]';
          }
        case 'c':
          return '';
        default:
          return inspect(value, 2);
      }
    });
  } else {
    text = inspect(first, 2);
  }
  for (const value of rest.slice(next)) text += ` ${typeof value === 'string' ? value : inspect(value, 2)}`;
  return text;
}

/** A value as Node's `util.inspect` shows it, for the common shapes (depth-limited, cycle-safe). */
export function inspect(value: unknown, depth = 2, seen: unknown[] = []): string {
  switch (typeof value) {
    case 'string':
      return seen.length === 0 ? `'${value}'` : `'${value.replace(/'/g, "\\'")}'`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function: ${value.name || '(anonymous)'}]`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (seen.includes(value)) return '[Circular *1]';
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Uint8Array) {
    const bytes = [...value.subarray(0, 50)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const more = value.length > 50 ? ` ... ${value.length - 50} more bytes` : '';
    const name = isBuffer(value) ? 'Buffer' : value.constructor.name;
    return `<${name} ${bytes}${more}>`;
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  const inner = [...seen, value];
  if (Array.isArray(value)) {
    if (depth < 0) return '[Array]';
    const items = value.slice(0, 100).map((v) => inspect(v, depth - 1, inner));
    if (value.length > 100) items.push(`... ${value.length - 100} more items`);
    return items.length === 0 ? '[]' : `[ ${items.join(', ')} ]`;
  }
  if (value instanceof Map) {
    if (depth < 0) return '[Map]';
    const items = [...value].map(([k, v]) => `${inspect(k, depth - 1, inner)} => ${inspect(v, depth - 1, inner)}`);
    return `Map(${value.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
  }
  if (value instanceof Set) {
    if (depth < 0) return '[Set]';
    const items = [...value].map((v) => inspect(v, depth - 1, inner));
    return `Set(${value.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
  }
  const name = constructorName(value);
  if (depth < 0) return `[${name ?? 'Object'}]`;
  const entries = Object.keys(value as object).map((key) => {
    const shownKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
    return `${shownKey}: ${inspect((value as Record<string, unknown>)[key], depth - 1, inner)}`;
  });
  const prefix = name && name !== 'Object' ? `${name} ` : '';
  return entries.length === 0 ? `${prefix}{}` : `${prefix}{ ${entries.join(', ')} }`;
}

function constructorName(value: unknown): string | undefined {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto === null) return '[Object: null prototype]';
  return proto.constructor?.name;
}

function isBuffer(value: Uint8Array): boolean {
  return constructorName(value) === 'Buffer';
}
