/**
 * Opens a playground: builds its scenario's network in the page, starts the servers, mounts the network
 * panel over an in-page runner, and puts the learner in the terminal on the playground's host.
 */
import { createNetwork } from '../../lib/netsim';
import { createShell, realTimeClock } from '../../lib/shell';
import { createInPageRunner, type InPageRunner } from './inPageRunner';
import { mountNetworkPanel, type NetworkPanel } from './networkPanel';
import { loadPlayground } from './playgroundScenarios';

export interface OpenPlayground {
  readonly runner: InPageRunner;
  readonly panel: NetworkPanel;
}

export async function openPlayground(root: HTMLElement): Promise<OpenPlayground> {
  const { scenario: name, host } = root.dataset;
  if (!name || !host) throw new Error('a playground needs data-scenario and data-host (render it with <Playground scenario="…" host="…" />)');
  const scenario = await loadPlayground(name);
  const runner = createInPageRunner({
    createNetwork,
    topology: scenario.topology,
    scenario: (network) => scenario.start(network),
    createShell: (network, write) => createShell({ network, host, write, clock: realTimeClock }),
    exerciseId: `playground:${name}`,
  });
  const network = root.querySelector<HTMLElement>('[data-network]')!;
  const panelRoot = network.querySelector<HTMLElement>('[data-network-panel]')!;
  network.hidden = false;
  const panel = mountNetworkPanel(panelRoot, runner);
  await runner.run();
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (status) status.textContent = `The network is up: you are on ${host}.`;
  panel.select('terminal');
  focusTerminalWhenReady(panelRoot);
  // For the browser tests and the curious.
  root.dataset.open = 'true';
  return { runner, panel };
}

/** xterm loads when the Terminal tab is first shown; its input element appears then, and takes the focus. */
function focusTerminalWhenReady(panelRoot: HTMLElement): void {
  const terminal = panelRoot.querySelector<HTMLElement>('[data-np="terminal"]')!;
  const focus = () => {
    const input = terminal.querySelector<HTMLTextAreaElement>('textarea');
    if (!input) return false;
    input.focus();
    return true;
  };
  if (focus()) return;
  const observer = new MutationObserver(() => {
    if (focus()) observer.disconnect();
  });
  observer.observe(terminal, { childList: true, subtree: true });
}
