/** Every program a scenario can start as its own process, by name (see types.ts). */
import { hostPrograms } from './host.ts';
import { processPrograms } from './process.ts';
import type { Program } from './types.ts';

export const programs = {
  ...processPrograms,
  ...hostPrograms,
} satisfies Record<string, Program>;

export type ProgramName = keyof typeof programs;
