/** What one evaluator says about one check: passed or not, and why, in a sentence. */
export interface Verdict {
  passed: boolean;
  message: string;
}

export const pass = (message: string): Verdict => ({ passed: true, message });
export const fail = (message: string): Verdict => ({ passed: false, message });
