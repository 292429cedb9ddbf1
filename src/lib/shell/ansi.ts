/** The few terminal control sequences the shell writes (xterm understands them all). */

export const ESC = '\x1b';
export const CLEAR_SCREEN = `${ESC}[H${ESC}[2J`;
export const CLEAR_TO_END_OF_SCREEN = `${ESC}[J`;

export const cursorUp = (n: number): string => (n > 0 ? `${ESC}[${n}A` : '');
export const cursorForward = (n: number): string => (n > 0 ? `${ESC}[${n}C` : '');

export const bold = (text: string): string => `${ESC}[1m${text}${ESC}[0m`;
export const green = (text: string): string => `${ESC}[01;32m${text}${ESC}[00m`;
export const blue = (text: string): string => `${ESC}[01;34m${text}${ESC}[00m`;

/** Removes colour and cursor sequences: what the learner reads. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Programs write `\n`; a terminal in raw mode needs `\r\n` to return to column 0. */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
