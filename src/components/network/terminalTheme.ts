/** Terminal colours for Starlight's light and dark themes (text on background ≥ 7:1 in both). */
import type { ITheme } from '@xterm/xterm';

export type SiteTheme = 'light' | 'dark';

export const TERMINAL_THEMES: Record<SiteTheme, ITheme> = {
  dark: {
    background: '#17181c',
    foreground: '#e6e6e6',
    cursor: '#e6e6e6',
    cursorAccent: '#17181c',
    selectionBackground: '#3d5a80',
    black: '#17181c',
    red: '#ff7b72',
    green: '#7ee787',
    yellow: '#e3b341',
    blue: '#79c0ff',
    magenta: '#d2a8ff',
    cyan: '#76e3ea',
    white: '#e6e6e6',
    brightBlack: '#8b949e',
    brightRed: '#ffa198',
    brightGreen: '#aff5b4',
    brightYellow: '#f8e3a1',
    brightBlue: '#a5d6ff',
    brightMagenta: '#e2c5ff',
    brightCyan: '#b3f0ff',
    brightWhite: '#ffffff',
  },
  light: {
    background: '#fafafa',
    foreground: '#1f2328',
    cursor: '#1f2328',
    cursorAccent: '#fafafa',
    selectionBackground: '#b6d7ff',
    black: '#1f2328',
    red: '#b31d28',
    green: '#116329',
    yellow: '#7d4e00',
    blue: '#0550ae',
    magenta: '#8250df',
    cyan: '#1b7c83',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#0969da',
    brightMagenta: '#6639ba',
    brightCyan: '#3192aa',
    brightWhite: '#24292f',
  },
};

/** Starlight puts the theme on <html data-theme="dark|light">. */
export function currentSiteTheme(): SiteTheme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

/** Calls `onChange` whenever the learner switches the site theme. Returns a stop function. */
export function watchSiteTheme(onChange: (theme: SiteTheme) => void): () => void {
  const observer = new MutationObserver(() => onChange(currentSiteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
