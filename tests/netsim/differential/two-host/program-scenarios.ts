import type { Observation } from '../platform';
export const twoHostProgramScenarios: { name: string; run(): Promise<Observation> }[] = [];
