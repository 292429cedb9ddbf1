/**
 * Places the network views (diagram, packets, terminal: src/components/network) in the exercise panel,
 * fed by the running sandbox. Found by glob so the exercise works, without the views, in a build that has
 * none.
 */
import type { RunnerLink } from '../../lib/runner/protocol';

type MountNetworkPanel = (root: HTMLElement, link: RunnerLink, options: { runGoing: () => boolean }) => unknown;

const panels = import.meta.glob<{ mountNetworkPanel?: MountNetworkPanel }>('../network/networkPanel.ts');

/** `runGoing`: whether the exercise has a run going (the views can arrive after a click on Run). */
export async function mountNetworkViews(host: HTMLElement, link: RunnerLink, runGoing: () => boolean): Promise<void> {
  const load = Object.values(panels)[0];
  if (!load) return;
  const { mountNetworkPanel } = await load();
  if (!mountNetworkPanel) return;
  const panel = host.querySelector<HTMLElement>('[data-network-panel]');
  if (!panel) return;
  host.hidden = false;
  mountNetworkPanel(panel, link, { runGoing });
}
