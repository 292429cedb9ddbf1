/**
 * The seeds an exercise is graded under. One seed is one schedule of the network (its latencies and their
 * jitter, the ports and sequence numbers the kernels pick) and one set of texts the drivers send: a program
 * that is right passes under every seed, and an order bug shows under some.
 */

/** How many runs one grading makes. */
export const GRADING_RUNS = 3;

/** The exercise's own seed first (what the lesson's examples show), then seeds derived from it. */
export function gradingSeeds(seed: number, count = GRADING_RUNS): number[] {
  const seeds = [seed >>> 0];
  let state = (seed >>> 0) || 1;
  while (seeds.length < count) {
    // xorshift32: different seeds for every exercise, the same ones on every machine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const next = state % 1_000_000;
    if (!seeds.includes(next)) seeds.push(next);
  }
  return seeds;
}
