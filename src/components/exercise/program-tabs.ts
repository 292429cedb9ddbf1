/**
 * The program tabs ("server.ts — on web 10.0.0.2") as an ARIA tab list over the one editor: arrows move
 * between tabs, Home/End jump, selecting a tab shows its file.
 */
export interface ProgramTabs {
  current(): string;
  select(file: string): void;
}

export function wireTabs(root: HTMLElement, panel: HTMLElement, onSelect: (file: string) => void): ProgramTabs {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('.exercise-tab')];
  let currentFile = tabs[0]?.dataset.file ?? '';
  panel.id ||= `${root.dataset.exerciseId ?? 'exercise'}-editor-panel`;
  panel.setAttribute('role', 'tabpanel');

  const select = (file: string, focus = false) => {
    currentFile = file;
    for (const tab of tabs) {
      const selected = tab.dataset.file === file;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.setAttribute('aria-controls', panel.id);
      if (selected) {
        panel.setAttribute('aria-labelledby', tab.id);
        if (focus) tab.focus();
      }
    }
    onSelect(file);
  };

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab.dataset.file ?? ''));
    tab.addEventListener('keydown', (event) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = tabs[(target + tabs.length) % tabs.length];
      if (next) select(next.dataset.file ?? '', true);
    });
  });
  select(currentFile);

  return { current: () => currentFile, select: (file) => select(file) };
}
