/**
 * Installing a Debian package, which the setup does only on Debian and only as root (never through sudo: it
 * would stop to ask for a password in the middle of `npm test`). `apt-get update` runs once per setup.
 */
import type { Machine } from './machine.ts';

/** `ID=debian` in os-release. Ubuntu is not Debian here: its `chromium` package is a snap stub. */
export function isDebian(osRelease: string | undefined): boolean {
  return /^ID="?debian"?\s*$/m.test(osRelease ?? '');
}

export type InstallOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Apt {
  /** Why packages cannot be installed here, or undefined when they can. */
  readonly unavailable: string | undefined;
  install(debianPackage: string): Promise<InstallOutcome>;
}

/** A command's first error line (apt-get's `E: …`, Node's `Error: …`) or else its last line, as a short reason. */
export function errorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = lines.find((line) => /^(E:|Error:|error:)/.test(line));
  return (error ?? lines.at(-1) ?? 'no output').replace(/^(E:|Error:|error:)\s*/, '').replace(/\s+/g, ' ').slice(0, 200);
}

export function apt(machine: Machine): Apt {
  const unavailable = !isDebian(machine.osRelease)
    ? 'not Debian'
    : machine.uid !== 0
      ? 'not root'
      : machine.which('apt-get') === undefined
        ? 'no apt-get on PATH'
        : undefined;
  let updated: Promise<InstallOutcome> | undefined;
  return {
    unavailable,
    async install(debianPackage) {
      if (unavailable !== undefined) return { ok: false, reason: unavailable };
      updated ??= machine.run('apt-get', ['update', '-q']).then((result) =>
        result.ok ? { ok: true } : { ok: false, reason: `apt-get update failed (${errorLine(result.output)})` },
      );
      const update = await updated;
      if (!update.ok) return update;
      const result = await machine.run('apt-get', ['install', '-y', '-q', '--no-install-recommends', debianPackage], {
        DEBIAN_FRONTEND: 'noninteractive',
      });
      return result.ok ? { ok: true } : { ok: false, reason: `apt-get install ${debianPackage} failed (${errorLine(result.output)})` };
    },
  };
}
