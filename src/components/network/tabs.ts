/**
 * The ARIA tabs pattern (WAI-ARIA APG, automatic activation): ←/→ move between tabs and show the panel,
 * Home/End jump to the first/last, only the selected tab is in the Tab order.
 */
export interface Tabs {
  select(name: string, options?: { focus?: boolean }): void;
  readonly selected: string;
  dispose(): void;
}

export function setupTabs(tablist: HTMLElement, onSelect: (name: string) => void): Tabs {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  if (tabs.length === 0) throw new Error('setupTabs: the tab list has no [role="tab"] elements');
  const panelOf = (tab: HTMLElement) => {
    const id = tab.getAttribute('aria-controls');
    const panel = id ? document.getElementById(id) : null;
    if (!panel) throw new Error(`setupTabs: tab "${tab.textContent}" controls no panel (aria-controls="${id}")`);
    return panel;
  };
  let selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')?.dataset.tab ?? tabs[0]!.dataset.tab!;

  const select = (name: string, options: { focus?: boolean } = {}) => {
    const target = tabs.find((tab) => tab.dataset.tab === name);
    if (!target) throw new Error(`setupTabs: no tab named "${name}" (have ${tabs.map((t) => t.dataset.tab).join(', ')})`);
    for (const tab of tabs) {
      const active = tab === target;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      panelOf(tab).hidden = !active;
    }
    if (options.focus) target.focus();
    selected = name;
    onSelect(name);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const position = tabs.findIndex((tab) => tab === event.target);
    if (position === -1) return;
    const moves: Record<string, number> = { ArrowRight: position + 1, ArrowLeft: position - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length]!.dataset.tab!, { focus: true });
  };
  const onClick = (event: MouseEvent) => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.tab) select(tab.dataset.tab);
  };

  tablist.addEventListener('keydown', onKeyDown);
  tablist.addEventListener('click', onClick);
  return {
    select,
    get selected() {
      return selected;
    },
    dispose() {
      tablist.removeEventListener('keydown', onKeyDown);
      tablist.removeEventListener('click', onClick);
    },
  };
}
