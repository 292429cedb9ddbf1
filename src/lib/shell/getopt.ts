/**
 * Short options as getopt(3) reads them: `-tuanp` is five flags, `-c 4` and `-c4` give a value, `--` ends
 * options. Operands may come between options (GNU style).
 */
export type GetoptResult =
  | { kind: 'ok'; flags: Map<string, string | true>; operands: string[] }
  | { kind: 'unknown'; option: string }
  | { kind: 'missing-value'; option: string };

/** `valued`: letters that take a value (getopt's `c:`); `known`: letters without one. */
export function getopt(args: readonly string[], known: string, valued = ''): GetoptResult {
  const flags = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || arg.startsWith('--')) {
      if (arg.startsWith('--')) return { kind: 'unknown', option: arg };
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (valued.includes(letter)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return { kind: 'missing-value', option: letter };
        flags.set(letter, value);
        break;
      }
      if (!known.includes(letter)) return { kind: 'unknown', option: letter };
      flags.set(letter, true);
    }
  }
  return { kind: 'ok', flags, operands };
}
