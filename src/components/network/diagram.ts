/**
 * The live network diagram: draws `layoutDiagram`'s geometry into an <svg>. Pure DOM over data: call it
 * again with new state and it redraws. Colours come from CSS (network-panel.css) so both themes work.
 *
 * The picture is laid out `across` (hosts side by side) while that stays readable in the width it has,
 * else `down` (hosts one under the other, sockets one per row): a phone gets a picture made for it, not a
 * laptop's picture shrunk or cut.
 */
import type { Endpoint, HostView, SocketRow } from '../../lib/netsim/types';
import { DIAGRAM_METRICS, layoutDiagram, type DiagramLayout, type Slot } from '../../lib/views/diagramLayout';
import { packetPath } from '../../lib/views/packetPath';
import { svgElement } from './svg';
import { patchChildren } from './patchChildren';

export interface DiagramState {
  hosts: HostView[];
  sockets: SocketRow[];
  /** Sockets the run closed: drawn as gone. */
  gone?: readonly SocketRow[];
}

/** One packet to show on the diagram: it travels from `src` to `dst`, along its connection's wire. */
export interface DiagramHighlight {
  src: Endpoint;
  dst: Endpoint;
  /** Short label drawn on the packet, e.g. `SYN`. */
  label: string;
}

export interface DiagramOptions {
  /** The width the picture has on screen, in CSS pixels (the frame's width); unknown: laid out across. */
  width?: number;
  /** The tallest a picture laid out across may be on screen, in CSS pixels (it is scaled down to fit). */
  maxHeight?: number;
}

let diagramCount = 0;
/** The view of a diagram before any run: one line of text at the size of the diagram's labels. */
const EMPTY_VIEW = { width: 560, height: 60 } as const;
/** Below this scale the diagram's 12px text is too small to read: lay it out down the screen instead. */
const SMALLEST_SCALE = 0.75;
/** Room under the picture for the note on connections left out. */
const NOTE_HEIGHT = 24;

/** The layout for the width the picture has: across when it fits (scaled down at most a little), else down. */
export function chooseLayout(state: DiagramState, options: DiagramOptions = {}): DiagramLayout {
  const gone = state.gone ?? [];
  const across = layoutDiagram(state.hosts, state.sockets, { gone });
  const width = options.width;
  if (!width || across.width * SMALLEST_SCALE <= width || state.hosts.length === 0) return across;
  return layoutDiagram(state.hosts, state.sockets, { gone, orientation: 'down', width });
}

export function renderDiagram(svg: SVGSVGElement, state: DiagramState, highlight?: DiagramHighlight | null, options: DiagramOptions = {}): DiagramLayout {
  const drawing = prepareDiagram(svg, state, highlight, options);
  drawing.apply();
  return drawing.layout;
}

/** A picture drawn apart from the page: `apply` puts it on screen (until then `svg` is as it was). */
export interface PreparedDiagram {
  layout: DiagramLayout;
  apply(): void;
}

/**
 * `renderDiagram` in two steps, for a caller that wants them in two tasks: the picture is laid out and built
 * now, and shown by `apply` (in one task, a first picture took a slow laptop 25–50 ms at 4× CPU slowdown).
 */
export function prepareDiagram(svg: SVGSVGElement, state: DiagramState, highlight?: DiagramHighlight | null, options: DiagramOptions = {}): PreparedDiagram {
  const layout = chooseLayout(state, options);
  const id = svg.dataset.diagramId ?? (svg.dataset.diagramId = `np-diagram-${++diagramCount}`);
  // Drawn apart, then only the parts that differ from what is on screen are swapped in: a run redraws the
  // picture many times with little or nothing changed, and each swapped node is laid out and painted again.
  const canvas = document.createElementNS(svg.namespaceURI, 'svg') as SVGSVGElement;
  // With no hosts the layout is tiny, and its one line of text would be scaled up to fill the column.
  const empty = layout.hosts.length === 0;
  const left = omittedWords(layout);
  const note = left ? NOTE_HEIGHT : 0;
  const view = empty ? EMPTY_VIEW : { width: layout.width, height: layout.height + note };
  const orientation = empty ? 'down' : layout.orientation;
  svgElement(canvas, 'title', { id: `${id}-title` }, 'Network diagram');
  svgElement(canvas, 'desc', { id: `${id}-desc` }, describe(layout));

  const defs = svgElement(canvas, 'defs');
  const marker = svgElement(defs, 'marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  svgElement(marker, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'np-arrowhead' });

  const everySocket = [...state.sockets, ...(state.gone ?? [])];
  const path = highlight ? packetPath(layout, state.hosts, everySocket, highlight.src, highlight.dst) : null;
  const lit = new Set(path?.socketIds ?? []);

  if (empty) {
    svgElement(canvas, 'text', { x: DIAGRAM_METRICS.margin, y: EMPTY_VIEW.height / 2, class: 'np-nic' }, 'Run the program to see its network.');
  }
  drawHosts(canvas, layout);
  drawGroups(canvas, layout);
  const wireLabels = drawWires(canvas, layout, path?.wireKey ?? null);
  let packet: SVGGElement | null = null;
  if (highlight && path) {
    packet = svgElement(canvas, 'g', { class: 'np-packet', 'data-packet': highlight.label });
    // Across, the packet runs under the wires' labels; down, over the rows it passes.
    if (layout.orientation === 'across') canvas.insertBefore(packet, wireLabels[0] ?? null);
    svgElement(packet, 'path', { d: path.path, class: 'np-packet-path', 'marker-end': `url(#${id}-arrow)` });
    drawLabel(packet, path.labelAt.x, path.labelAt.y, [highlight.label], 'np-packet-label');
    // A dot that travels along the path; CSS turns the motion off under prefers-reduced-motion.
    svgElement(packet, 'circle', { r: 5, class: 'np-packet-dot', style: `offset-path: path('${path.path}')` });
  }
  drawSlots(canvas, layout, lit);
  if (packet && layout.orientation === 'down') canvas.append(packet);
  if (left) {
    svgElement(canvas, 'text', { x: DIAGRAM_METRICS.margin, y: layout.height + NOTE_HEIGHT / 2, class: 'np-nic np-omitted' }, `Not drawn: ${left}. The socket table lists every socket.`);
  }
  const apply = () => {
    setAttributeIfChanged(svg, 'viewBox', `0 0 ${view.width} ${view.height}`);
    setAttributeIfChanged(svg, 'data-orientation', layout.orientation);
    placeInFrame(svg, view, fitScale(view, orientation, options), orientation === 'across' ? options.width : undefined);
    setAttributeIfChanged(svg, 'role', 'img');
    setAttributeIfChanged(svg, 'aria-labelledby', `${id}-title ${id}-desc`);
    if (!svg.classList.contains('np-diagram')) svg.classList.add('np-diagram');
    patchChildren(svg, canvas);
  };
  return { layout, apply };
}

function setAttributeIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * How much the picture is scaled on screen. Across, it fills its frame's width (no taller than `maxHeight`);
 * down, and before any run, it is drawn at its own size (made for that width), smaller only if the frame is.
 */
function fitScale(view: { width: number; height: number }, orientation: DiagramLayout['orientation'], options: DiagramOptions): number {
  const { width, maxHeight } = options;
  if (!width) return 1;
  let scale = orientation === 'across' ? width / view.width : Math.min(1, width / view.width);
  if (orientation === 'across' && maxHeight) scale = Math.min(scale, maxHeight / view.height);
  // Rounded down, so that the scaled picture never overflows its frame by a fraction of a pixel.
  return Math.floor(scale * 1000) / 1000;
}

/**
 * The picture is laid out at its own size and scaled as a whole with a CSS transform; its margins give it
 * the scaled size in the page, centred in the frame. Scaled through the viewBox instead, its text would be
 * set at a new font size for every picture width — and every run's picture has its own — which the browser
 * then prepares again for each of the diagram's fonts: about 6 ms a picture, four times that on a slow laptop.
 * A picture across that is not as wide as its frame (held by `maxHeight`) is centred in it (`centreIn`).
 */
function placeInFrame(svg: SVGSVGElement, view: { width: number; height: number }, scale: number, centreIn?: number): void {
  const style = {
    width: `${view.width}px`,
    height: `${view.height}px`,
    transform: scale === 1 ? '' : `scale(${scale})`,
    marginLeft: centreIn ? `${Math.max(0, Math.floor((centreIn - view.width * scale) / 2))}px` : '',
    marginRight: `${view.width * (scale - 1)}px`,
    marginBottom: `${view.height * (scale - 1)}px`,
  };
  for (const [name, value] of Object.entries(style) as [keyof typeof style, string][]) {
    if (svg.style[name] !== value) svg.style[name] = value;
  }
}


/** What the picture leaves out, in words: "3 more connections and 40 listening or UDP sockets". */
function omittedWords(layout: DiagramLayout): string {
  const parts = [
    layout.omittedConnections > 0 ? `${layout.omittedConnections.toLocaleString('en-US')} more connection${layout.omittedConnections === 1 ? '' : 's'}` : '',
    layout.omittedDoors > 0 ? `${layout.omittedDoors.toLocaleString('en-US')} listening or UDP socket${layout.omittedDoors === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

function describe(layout: DiagramLayout): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const listening = layout.slots.filter((slot) => slot.kind === 'door' && !slot.gone).length;
  const accepted = layout.slots.filter((slot) => slot.kind === 'accepted');
  const parts = [
    count(layout.hosts.length, 'host'),
    count(listening, 'listening or UDP socket'),
    `${count(accepted.length, 'accepted socket')}${accepted.some((slot) => slot.gone) ? ` (${accepted.filter((slot) => slot.gone).length} closed)` : ''}`,
    count(layout.wires.length, 'TCP connection'),
  ];
  const wires = layout.wires.map((wire) => `${wire.label}: ${wire.states}`);
  const left = omittedWords(layout);
  const omitted = left ? ` Not drawn: ${left}.` : '';
  return `${parts.join(', ')}.${wires.length ? ` Connections: ${wires.join('; ')}.` : ''}${omitted} The socket table lists every socket.`;
}

function drawHosts(svg: SVGSVGElement, layout: DiagramLayout): void {
  for (const box of layout.hosts) {
    const group = svgElement(svg, 'g', { class: 'np-host', 'data-host': box.name });
    svgElement(group, 'rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 10, class: 'np-host-box' });
    svgElement(group, 'text', { x: box.x + DIAGRAM_METRICS.hostPadding, y: box.y + 19, class: 'np-host-name' }, box.name);
    for (const nic of box.nics) {
      svgElement(group, 'text', { x: nic.at.x, y: nic.at.y, class: nic.loopback ? 'np-nic np-nic-lo' : 'np-nic' }, nic.text);
    }
  }
}

/** A door and the sockets it accepted share one port: a frame around them says so. */
function drawGroups(svg: SVGSVGElement, layout: DiagramLayout): void {
  for (const group of layout.groups) {
    const frame = svgElement(svg, 'g', { class: 'np-port-group', 'data-door': group.door });
    svgElement(frame, 'rect', { x: group.x, y: group.y, width: group.width, height: group.height, rx: 6, class: 'np-port-group-box' });
    svgElement(frame, 'text', { x: group.x + 6, y: group.y + 13, class: 'np-port-group-caption' }, group.caption);
  }
}

function drawSlots(svg: SVGSVGElement, layout: DiagramLayout, lit: Set<number>): void {
  for (const slot of layout.slots) {
    const highlighted = lit.has(slot.socketId);
    const classes = ['np-slot', `np-${slot.kind}`, `np-${slot.protocol}`, slot.kind === 'door' ? '' : 'np-connected', slot.gone ? 'is-gone' : '', highlighted ? 'is-highlighted' : '']
      .filter(Boolean)
      .join(' ');
    const group = svgElement(svg, 'g', {
      class: classes,
      'data-socket': slot.socketId,
      'data-kind': slot.kind,
      'data-endpoint': `${slot.endpoint.ip}:${slot.endpoint.port}`,
      ...(slot.door !== undefined ? { 'data-door': slot.door } : {}),
    });
    svgElement(group, 'title', {}, slot.title);
    const r = slot.kind === 'door' ? 3 : 12;
    svgElement(group, 'rect', { x: slot.x, y: slot.y, width: slot.width, height: slot.height, rx: layout.orientation === 'down' ? 6 : r, class: 'np-slot-box' });
    const [program, port, state] = slot.lines;
    if (layout.orientation === 'down') drawRow(group, slot, program, port, state);
    else {
      const cx = slot.x + slot.width / 2;
      svgElement(group, 'text', { x: cx, y: slot.y + 16, class: 'np-slot-program' }, program);
      svgElement(group, 'text', { x: cx, y: slot.y + 31, class: 'np-slot-port' }, port);
      svgElement(group, 'text', { x: cx, y: slot.y + 46, class: 'np-slot-state' }, state);
    }
  }
}

/** `down`: one row per socket, port and state on the first line, the program under them. */
function drawRow(group: SVGGElement, slot: Slot, program: string, port: string, state: string): void {
  const x = slot.x + 8;
  const line = svgElement(group, 'text', { x, y: slot.y + 16, class: 'np-row-text' });
  svgElement(line, 'tspan', { class: 'np-slot-port' }, port);
  svgElement(line, 'tspan', { class: 'np-slot-state', dx: 8 }, state);
  const role = { door: slot.protocol === 'udp' ? 'UDP socket' : 'listening', accepted: 'accepted', endpoint: 'client' }[slot.kind];
  svgElement(group, 'text', { x, y: slot.y + 31, class: 'np-row-sub' }, `${program} · ${role}`);
}

/** Draws every wire's line, then (across) every wire's label on top; returns the label groups. */
function drawWires(svg: SVGSVGElement, layout: DiagramLayout, litWire: string | null): SVGGElement[] {
  const classesOf = (wire: DiagramLayout['wires'][number], kind = 'np-wire') =>
    [kind, wire.halfOpen ? 'is-half-open' : '', wire.closed ? 'is-closed' : '', wire.key === litWire ? 'is-highlighted' : ''].filter(Boolean).join(' ');
  for (const wire of layout.wires) {
    const group = svgElement(svg, 'g', { class: classesOf(wire), 'data-connection': wire.label, 'data-sockets': wire.socketIds.join(' ') });
    svgElement(group, 'title', {}, `${wire.label}: ${wire.states}`);
    svgElement(group, 'path', { d: wire.path, class: 'np-wire-path' });
  }
  if (layout.orientation === 'down') return [];
  return layout.wires.map((wire) => {
    const group = svgElement(svg, 'g', { class: classesOf(wire, 'np-wire-labels') });
    drawLabel(group, wire.labelAt.x, wire.labelAt.y, [wire.label, wire.states], 'np-wire-label');
    return group;
  });
}

/** Text lines centred on (x, y) over a background plate so the wire under them does not cross the text. */
function drawLabel(parent: SVGElement, x: number, y: number, lines: string[], className: string): void {
  const group = svgElement(parent, 'g', { class: className });
  const width = Math.max(...lines.map((line) => line.length)) * DIAGRAM_METRICS.charWidth + 12;
  const height = lines.length * 15 + 6;
  svgElement(group, 'rect', { x: x - width / 2, y: y - height / 2, width, height, rx: 4, class: 'np-label-plate' });
  lines.forEach((line, i) => {
    svgElement(group, 'text', { x, y: y - height / 2 + 15 + i * 15, class: i === 0 ? 'np-label-main' : 'np-label-sub' }, line);
  });
}
