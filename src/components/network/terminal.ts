/**
 * The terminal into the emulated network: an xterm whose keystrokes go to the shell in the worker
 * (`shell-input`) and whose screen shows the shell's output (`shell-output`). xterm and its CSS load only
 * when a terminal is mounted, so pages without one do not pay for them.
 *
 * Keyboard: xterm keeps Tab for completion, so Escape then Tab leaves the terminal (Escape is not sent to
 * the shell; Shift+Tab after Escape goes backwards).
 */
import type { RunnerLink } from '../../lib/runner/protocol';
import { WRITE_CHUNK, TextQueue, nextChunk } from './terminalWrites';
import { currentSiteTheme, TERMINAL_THEMES, watchSiteTheme } from './terminalTheme';

export interface TerminalHandle {
  dispose(): void;
  focus(): void;
  /** Writes to the screen directly (a note from the page, not from the shell). */
  write(ansi: string): void;
  /** Resolves once xterm has loaded and is on screen. */
  readonly ready: Promise<void>;
}

export interface TerminalOptions {
  /** Output the shell wrote before the terminal was opened, replayed first. */
  earlierOutput?: string;
  /** Called when Escape arms or disarms the "leave with Tab" escape, e.g. to show a hint. */
  onEscapeArmed?: (armed: boolean) => void;
}

let stylesInjected = false;

async function injectStyles(): Promise<void> {
  if (stylesInjected) return;
  stylesInjected = true;
  // `?inline` gives the CSS as a string: nothing is linked into <head> at build time.
  const { default: css } = await import('@xterm/xterm/css/xterm.css?inline');
  const style = document.createElement('style');
  style.dataset.xterm = '';
  style.textContent = css;
  document.head.append(style);
}

export function mountTerminal(element: HTMLElement, link: RunnerLink, options: TerminalOptions = {}): TerminalHandle {
  let disposed = false;
  let wantsFocus = false;
  const cleanups: (() => void)[] = [];
  let focusTerminal = () => {
    wantsFocus = true;
  };
  let pendingWrites = '';
  let writeToScreen = (ansi: string) => {
    pendingWrites += ansi;
  };

  const ready = (async () => {
    const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), injectStyles()]);
    if (disposed) return;
    const terminal = new Terminal({
      screenReaderMode: true,
      convertEol: false,
      cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      // 13px: a laptop's exercise gives the terminal 100 columns and more (ss rows stay on one line).
      fontSize: 13,
      scrollback: 2000,
      theme: TERMINAL_THEMES[currentSiteTheme()],
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    terminal.textarea?.setAttribute('aria-label', 'Terminal on the emulated network. Press Escape then Tab to leave.');
    cleanups.push(() => terminal.dispose());

    let escapeArmed = false;
    const arm = (armed: boolean) => {
      if (escapeArmed === armed) return;
      escapeArmed = armed;
      options.onEscapeArmed?.(armed);
    };
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return !escapeArmed || event.key !== 'Tab';
      if (event.key === 'Escape') {
        arm(true);
        return false;
      }
      if (escapeArmed && event.key === 'Tab') {
        arm(false);
        return false; // xterm lets it through: the browser moves focus out.
      }
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) arm(false);
      return true;
    });

    const input = terminal.onData((data) => link.send({ type: 'shell-input', data }));
    // The size is on the element too: what the shell wraps to, for the curious and the browser tests.
    const showSize = (cols: number, rows: number) => Object.assign(element.dataset, { cols: String(cols), rows: String(rows) });
    const resize = terminal.onResize(({ cols, rows }) => {
      showSize(cols, rows);
      link.send({ type: 'shell-resize', cols, rows });
    });
    cleanups.push(() => input.dispose(), () => resize.dispose());
    // At most one `terminal.write` per frame, and none while xterm is still parsing the last one: a pasted
    // script's echo arrives as many messages, and xterm parses each write in one go (with its screen-reader
    // rows), so an unbounded write is a long task. The size of a write follows how long the last one took,
    // up to the frame that showed it. The page's own notes take the same way, so they stay in order with the
    // shell's output.
    const waiting = new TextQueue();
    let chunk = WRITE_CHUNK.start;
    let frame = 0;
    let parsing = false;
    /** The last write, until the frame after it is measured. */
    let last: { chars: number; at: number } | undefined;
    const writeWaiting = () => {
      frame = 0;
      if (parsing || disposed) return;
      if (last) chunk = nextChunk(chunk, last.chars, performance.now() - last.at);
      last = undefined;
      if (waiting.empty) return;
      const text = waiting.take(chunk);
      last = { chars: text.length, at: performance.now() };
      parsing = true;
      terminal.write(text, () => {
        parsing = false;
        if (!waiting.empty) frame ||= requestAnimationFrame(writeWaiting);
        else last = undefined;
      });
    };
    const writeNextFrame = (ansi: string) => {
      waiting.push(ansi);
      frame ||= requestAnimationFrame(writeWaiting);
    };
    cleanups.push(
      link.subscribe((event) => {
        if (event.type === 'shell-output') writeNextFrame(event.data);
      }),
      () => cancelAnimationFrame(frame),
    );
    cleanups.push(watchSiteTheme((theme) => (terminal.options.theme = TERMINAL_THEMES[theme])));

    const refit = () => {
      if (element.offsetWidth > 0 && element.offsetHeight > 0) fit.fit();
    };
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    cleanups.push(() => observer.disconnect());
    if (options.earlierOutput) terminal.write(options.earlierOutput);
    writeToScreen = writeNextFrame;
    if (pendingWrites) terminal.write(pendingWrites);
    pendingWrites = '';
    refit();
    showSize(terminal.cols, terminal.rows);
    link.send({ type: 'shell-resize', cols: terminal.cols, rows: terminal.rows });

    focusTerminal = () => terminal.focus();
    if (wantsFocus) terminal.focus();
  })();

  return {
    ready,
    focus: () => focusTerminal(),
    write: (ansi) => writeToScreen(ansi),
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
