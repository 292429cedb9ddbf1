/**
 * The network panel: Diagram / Packets / Terminal tabs over one RunnerLink. The exercise island renders
 * <NetworkPanel /> and calls `mountNetworkPanel(root, link)`; a root left empty gets the markup here.
 */
import type { RunnerLink } from '../../lib/runner/protocol';
import { formatVirtualTime } from '../../lib/views/packetFilter';
import type { PacketRow } from '../../lib/views/packetRows';
import { packetEnds } from '../../lib/views/packetPath';
import { SocketReplay, socketStateAt, traceHasSocketEvents } from '../../lib/views/socketReplay';
import { prepareDiagram, renderDiagram, type PreparedDiagram } from './diagram';
import { warmDiagram } from './diagramWarmUp';
import { frameScheduler, NetworkStore, type NetworkState } from './networkStore';
import { afterFrameTask } from '../scheduling/yield-to-page';
import { panelMarkup } from './panelMarkup';
import { mountPacketTrace } from './packetTrace';
import { renderSocketTable } from './socketTableView';
import { setupTabs } from './tabs';
import { mountTerminal, type TerminalHandle } from './terminal';

export type NetworkTab = 'diagram' | 'packets' | 'terminal';

export interface NetworkPanel {
  /** Shows a tab, as a click on it would. */
  select(tab: NetworkTab): void;
  /** Makes a packet (by trace index) current in the Packets view, or none. */
  selectPacket(index: number | null): void;
  readonly state: NetworkState;
  dispose(): void;
}

/**
 * While a run streams, the views are redrawn at most this often: each redraw has the page lay itself out
 * again, which a slow laptop feels as a stutter. The run's last state is drawn at the next frame.
 */
const LIVE_REDRAW_MS = 250;

/** The tallest each diagram laid out across may be, in rem: the live one, and the small one over the packets. */
const DIAGRAM_MAX_HEIGHT_REM = { live: 36, packets: 20 } as const;

/** Output the shell wrote before the terminal was first opened is kept (up to this many characters). */
const SHELL_BACKLOG_LIMIT = 64 * 1024;
let panelCount = 0;

export interface NetworkPanelOptions {
  /**
   * Whether the page has a run going: the exercise knows it at the click, before the runner's first word.
   * Nothing the panel does for itself alone (its warm-up) is done in a run.
   */
  runGoing?: () => boolean;
}

export function mountNetworkPanel(root: HTMLElement, link: RunnerLink, options: NetworkPanelOptions = {}): NetworkPanel {
  if (!root.querySelector('[role="tablist"]')) {
    root.classList.add('network-panel', 'not-content');
    root.innerHTML = panelMarkup(`np-${++panelCount}`);
  }
  const part = <T extends Element>(name: string): T => {
    const element = root.querySelector<T>(`[data-np="${name}"]`);
    if (!element) throw new Error(`mountNetworkPanel: the panel has no [data-np="${name}"] element; render <NetworkPanel /> or pass an empty element`);
    return element;
  };
  const liveSvg = part<SVGSVGElement>('live-diagram');
  const traceSvg = part<SVGSVGElement>('trace-diagram');
  const socketRows = part<HTMLTableSectionElement>('socket-rows');
  const moment = part<HTMLElement>('moment');
  const packetsPanel = root.querySelector<HTMLElement>('[data-panel="packets"]')!;

  const store = new NetworkStore(link);
  let shellBacklog = '';
  let terminal: TerminalHandle | null = null;
  /** A note from the page on the terminal's screen (or kept until the terminal is first opened). */
  const note = (text: string) => {
    const ansi = `\r\n\x1b[3m${text}\x1b[23m\r\n`;
    if (terminal) terminal.write(ansi);
    else shellBacklog = (shellBacklog + ansi).slice(-SHELL_BACKLOG_LIMIT);
  };
  let runs = 0;
  const stopBacklog = link.subscribe((event) => {
    if (event.type === 'shell-output' && !terminal) shellBacklog = (shellBacklog + event.data).slice(-SHELL_BACKLOG_LIMIT);
    if (event.type === 'done') runs += 1;
    // A run stopped for its time budget took its worker, and with it the network the terminal was on.
    if (event.type === 'done' && event.record.outcome === 'timed-out') note('The run was stopped, and its network with it: the terminal comes back with the next run.');
    if (event.type === 'done' && event.record.outcome === 'limit') note('The run was stopped at one of its limits: the network stands as it was then.');
  });

  // The sockets the run closed, from the trace's socket events: each event read once as the trace grows.
  let history = { epoch: -1, applied: 0, replay: new SocketReplay() };
  const goneSockets = () => {
    const { trace, traceEpoch } = store.state;
    if (history.epoch !== traceEpoch) history = { epoch: traceEpoch, applied: 0, replay: new SocketReplay() };
    for (; history.applied < trace.length; history.applied++) history.replay.apply(trace[history.applied]!);
    return history.replay.gone();
  };
  // The width each diagram has, measured when it changes (ResizeObserver, below) or its tab is shown: read
  // while drawing, it would make the browser lay out the page in the middle of a frame.
  const measure = (svg: SVGSVGElement) => svg.parentElement?.clientWidth || undefined;
  const widths = new Map<SVGSVGElement, number | undefined>([liveSvg, traceSvg].map((svg) => [svg, measure(svg)]));
  const widthOf = (svg: SVGSVGElement) => widths.get(svg);
  const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const maxHeight = { live: DIAGRAM_MAX_HEIGHT_REM.live * remPx, packets: DIAGRAM_MAX_HEIGHT_REM.packets * remPx };

  let currentPacket: PacketRow | null = null;
  /** What the packet view's diagram shows now: redrawn only when that changes (a packet stays as it was). */
  let drawnTrace: { epoch: number; packet: number | null; width: number | undefined; hosts: unknown; sockets: unknown; gone: unknown } | null = null;
  const renderTraceDiagram = () => {
    const { state } = store;
    const packet = currentPacket?.index ?? null;
    const now = packet === null ? { sockets: state.sockets, gone: goneSockets() } : { sockets: null, gone: null };
    const next = { epoch: state.traceEpoch, packet, width: widthOf(traceSvg), hosts: state.hosts, ...now };
    if (drawnTrace && (Object.keys(next) as (keyof typeof next)[]).every((key) => drawnTrace![key] === next[key])) return;
    drawnTrace = next;
    const replay = currentPacket !== null && traceHasSocketEvents(state.trace);
    const sockets = replay ? socketStateAt(state.trace, currentPacket!.index) : { live: state.sockets, gone: goneSockets() };
    const ends = currentPacket ? packetEnds(currentPacket, state.hosts) : null;
    const highlight = currentPacket && ends ? { ...ends, label: currentPacket.name === 'arp' ? 'ARP' : currentPacket.label } : null;
    renderDiagram(traceSvg, { hosts: state.hosts, sockets: sockets.live, gone: sockets.gone }, highlight, { width: widthOf(traceSvg), maxHeight: maxHeight.packets });
    moment.textContent = currentPacket
      ? `${replay ? 'Sockets as they were' : 'Sockets now'}; packet ${currentPacket.label} at ${formatVirtualTime(currentPacket.at)}: ${currentPacket.summary}.`
      : 'Sockets now. Choose a packet to see it travel.';
  };

  const trace = mountPacketTrace(
    {
      region: packetsPanel,
      filter: part('filter'),
      previous: part('previous'),
      next: part('next'),
      scroller: part('packet-scroll'),
      table: part('packet-table'),
      body: part('packet-rows'),
      status: part('status'),
    },
    (row) => {
      currentPacket = row;
      renderTraceDiagram();
    },
  );

  // Only the tab on screen is drawn; a tab is brought up to date when it is shown.
  let shown: NetworkTab = 'diagram';
  const drawnFor: Record<NetworkTab, NetworkState | null> = { diagram: null, packets: null, terminal: null };
  /** What the Diagram view shows now, and the same as text (a new run often brings new arrays, the same picture). */
  let drawnLive: { hosts: unknown; sockets: unknown; gone: unknown; width: number | undefined; text: string } = { hosts: null, sockets: null, gone: null, width: undefined, text: '' };
  let drawnAt = -Infinity;
  /** The live picture built and not yet shown, and whether the table changed with it. */
  let liveDrawing: { drawing: PreparedDiagram; tableToo: boolean } | null = null;
  let liveDrawingTimer: ReturnType<typeof setTimeout> | undefined;
  const showLiveDrawing = () => {
    const shown = liveDrawing;
    liveDrawing = null;
    if (!shown) return;
    shown.drawing.apply();
    // The table follows a frame later: drawn with the picture, the two made one frame too long for a slow
    // laptop.
    if (shown.tableToo) tableLater.schedule();
  };
  const render = () => {
    const { state } = store;
    drawnAt = performance.now();
    if (drawnFor[shown] === state) return;
    drawnFor[shown] = state;
    if (shown === 'diagram') {
      // Redrawn only when what it shows changed: a long run streams many trace events that change neither,
      // and a program run again ends with the picture it ended with before (new arrays, the same contents).
      const gone = goneSockets();
      const width = widthOf(liveSvg);
      const sameArrays = state.hosts === drawnLive.hosts && state.sockets === drawnLive.sockets && gone === drawnLive.gone;
      const text = sameArrays ? drawnLive.text : JSON.stringify([state.hosts, state.sockets, gone]);
      const tableToo = text !== drawnLive.text;
      if (tableToo || width !== drawnLive.width) {
        // Built now and shown in a task of its own: for a first picture the two took a slow laptop 25–50 ms.
        // A picture not yet shown is replaced; if its table changed, the table is still redrawn after this one.
        liveDrawing = {
          drawing: prepareDiagram(liveSvg, { hosts: state.hosts, sockets: state.sockets, gone }, null, { width, maxHeight: maxHeight.live }),
          tableToo: tableToo || (liveDrawing?.tableToo ?? false),
        };
        clearTimeout(liveDrawingTimer);
        liveDrawingTimer = setTimeout(showLiveDrawing, 0);
      }
      drawnLive = { hosts: state.hosts, sockets: state.sockets, gone, width, text };
    } else if (shown === 'packets') {
      trace.update(state.trace, state.traceEpoch);
      renderTraceDiagram();
    }
  };
  // While a run streams, the Diagram view never gets shorter: a run starts from an empty network (no sockets,
  // a one-line table) and fills it again, and each shrink and regrowth would move the whole lesson below the
  // panel, which the browser then lays out and paints again. Its height is let go once the run has ended.
  const diagramPanel = root.querySelector<HTMLElement>('[data-panel="diagram"]')!;
  let diagramPanelHeight = 0;
  const panelHeights = new ResizeObserver((entries) => {
    for (const entry of entries) diagramPanelHeight = entry.borderBoxSize[0]?.blockSize ?? diagramPanelHeight;
  });
  panelHeights.observe(diagramPanel);
  let heightHeld = false;
  const holdHeightWhileStreaming = () => {
    const { state } = store;
    const streaming = state.runId !== null && !state.finished;
    if (streaming && !heightHeld && diagramPanelHeight > 0) {
      diagramPanel.style.minHeight = `${diagramPanelHeight}px`;
      heightHeld = true;
    } else if (!streaming && heightHeld) {
      diagramPanel.style.minHeight = '';
      heightHeld = false;
    }
  };
  const drawFrame = () => {
    holdHeightWhileStreaming();
    render();
  };
  const frames = frameScheduler(drawFrame);
  /** A run's last state: drawn after the frame that shows its results, not in it (see afterFrameTask). */
  const framesAfterResults = afterFrameTask(drawFrame);
  const tableLater = afterFrameTask(() => renderSocketTable(socketRows, store.state.sockets));
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let liveRun: number | null = null;
  // Before any run, as the editor opens: the first picture then costs its frame what any later one does.
  // Without `runGoing` (a playground), the runner's first word of a run is what cancels it (below).
  const runGoing = options.runGoing ?? (() => false);
  const diagramWarmUp = warmDiagram(liveSvg.parentElement ?? root, () => ({ width: widthOf(liveSvg), maxHeight: maxHeight.live }), runGoing);
  const stopStore = store.subscribe((state) => {
    if (state.runId !== null) diagramWarmUp.cancel();
    const streaming = state.runId !== null && !state.finished;
    // A new run starts from an empty network: its first picture waits as long as any live redraw, so a run
    // that ends sooner goes straight from the last run's picture to its own (often the same: nothing to redraw)
    // instead of emptying the views and filling them again.
    if (streaming && state.runId !== liveRun) {
      liveRun = state.runId;
      drawnAt = performance.now();
    }
    if (!streaming) {
      clearTimeout(liveTimer);
      liveTimer = undefined;
      // The run's results are drawn in this frame: the views wait for the next, so that the two are not
      // laid out and painted as one long frame.
      framesAfterResults.schedule();
      return;
    }
    if (liveTimer !== undefined) return;
    const wait = drawnAt + LIVE_REDRAW_MS - performance.now();
    if (wait <= 0) frames.schedule();
    else
      liveTimer = setTimeout(() => {
        liveTimer = undefined;
        frames.schedule();
      }, wait);
  });
  // A diagram is laid out for the width it has (across, or down on a phone): redraw when that changes.
  const remeasure = () => {
    let changed = false;
    for (const svg of [liveSvg, traceSvg]) {
      const width = measure(svg);
      if (width !== widths.get(svg)) changed = true;
      widths.set(svg, width);
    }
    return changed;
  };
  const forgetDrawn = () => {
    drawnFor.diagram = drawnFor.packets = null;
    drawnLive = { ...drawnLive, width: -1 };
    drawnTrace = null;
  };
  const resized = new ResizeObserver(() => {
    if (remeasure()) {
      forgetDrawn();
      frames.schedule();
      if (shown === 'packets') trace.refresh();
    }
  });
  for (const svg of [liveSvg, traceSvg]) if (svg.parentElement) resized.observe(svg.parentElement);
  render();

  const escapeHint = part<HTMLElement>('escape-hint');
  const tabs = setupTabs(root.querySelector<HTMLElement>('[role="tablist"]')!, (name) => {
    shown = name as NetworkTab;
    // A tab that was hidden had no width: measured now that it is shown, before it is drawn.
    if (name !== 'terminal' && remeasure()) forgetDrawn();
    if (name === 'packets') {
      render();
      trace.refresh();
    } else if (name === 'diagram') render();
    if (name !== 'terminal') return;
    // xterm loads the first time the terminal is shown.
    if (!terminal) {
      // Before any run there is no network to be on yet.
      if (runs === 0 && !shellBacklog) note('No network yet: run your program, and this terminal opens on the network it leaves running.');
      terminal = mountTerminal(part('terminal'), link, {
        earlierOutput: shellBacklog,
        onEscapeArmed: (armed) => (escapeHint.textContent = armed ? 'Press Tab to leave the terminal, Shift+Tab to go back.' : ''),
      });
      shellBacklog = '';
    }
    // Focus stays on the tab (arrow keys keep moving between tabs); Tab enters the terminal.
  });

  return {
    select: (tab) => tabs.select(tab),
    selectPacket: (index) => trace.select(index),
    get state() {
      return store.state;
    },
    dispose() {
      frames.cancel();
      framesAfterResults.cancel();
      clearTimeout(liveDrawingTimer);
      tableLater.cancel();
      diagramWarmUp.cancel();
      clearTimeout(liveTimer);
      resized.disconnect();
      panelHeights.disconnect();
      stopStore();
      stopBacklog();
      trace.dispose();
      tabs.dispose();
      terminal?.dispose();
      store.dispose();
    },
  };
}
