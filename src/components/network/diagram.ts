/**
 * The live network diagram: draws `layoutDiagram`'s geometry into an <svg>. Pure DOM over data: call it
 * again with new state and it redraws. Colours come from CSS (network-panel.css) so both themes work.
 */
import type { Endpoint, HostView, SocketRow } from '../../lib/netsim/types';
import { layoutDiagram, type DiagramLayout } from '../../lib/views/diagramLayout';
import { packetPath } from '../../lib/views/packetPath';
import { DIAGRAM_METRICS } from '../../lib/views/diagramLayout';
import { svgElement } from './svg';

export interface DiagramState {
  hosts: HostView[];
  sockets: SocketRow[];
}

/** One packet to show on the diagram: it travels from `src` to `dst`, along its connection's wire. */
export interface DiagramHighlight {
  src: Endpoint;
  dst: Endpoint;
  /** Short label drawn on the packet, e.g. `SYN`. */
  label: string;
}

let diagramCount = 0;
/** The view of a diagram before any run: one line of text at the size of the diagram's labels. */
const EMPTY_VIEW = { width: 560, height: 60 } as const;

export function renderDiagram(svg: SVGSVGElement, state: DiagramState, highlight?: DiagramHighlight | null): DiagramLayout {
  const layout = layoutDiagram(state.hosts, state.sockets);
  const id = svg.dataset.diagramId ?? (svg.dataset.diagramId = `np-diagram-${++diagramCount}`);
  svg.replaceChildren();
  // With no hosts the layout is tiny, and its one line of text would be scaled up to fill the column.
  const empty = layout.hosts.length === 0;
  svg.setAttribute('viewBox', empty ? `0 0 ${EMPTY_VIEW.width} ${EMPTY_VIEW.height}` : `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.classList.add('np-diagram');
  svgElement(svg, 'title', { id: `${id}-title` }, 'Network diagram');
  svgElement(svg, 'desc', { id: `${id}-desc` }, describe(layout));

  const defs = svgElement(svg, 'defs');
  const marker = svgElement(defs, 'marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  svgElement(marker, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'np-arrowhead' });

  const path = highlight ? packetPath(layout, state.hosts, state.sockets, highlight.src, highlight.dst) : null;
  const lit = new Set(path?.socketIds ?? []);

  if (empty) {
    svgElement(svg, 'text', { x: DIAGRAM_METRICS.margin, y: EMPTY_VIEW.height / 2, class: 'np-nic' }, 'Run the program to see its network.');
  }
  drawHosts(svg, layout);
  const wireLabels = drawWires(svg, layout, path?.wireKey ?? null);
  if (highlight && path) {
    // The packet runs along the wire, under the wire's label; its own label sits just below that label.
    const packet = svgElement(svg, 'g', { class: 'np-packet', 'data-packet': highlight.label });
    svg.insertBefore(packet, wireLabels[0] ?? null);
    svgElement(packet, 'path', { d: path.path, class: 'np-packet-path', 'marker-end': `url(#${id}-arrow)` });
    drawLabel(packet, (path.from.x + path.to.x) / 2, path.laneY + 32, [highlight.label], 'np-packet-label');
    // A dot that travels along the path; CSS turns the motion off under prefers-reduced-motion.
    svgElement(packet, 'circle', { r: 5, class: 'np-packet-dot', style: `offset-path: path('${path.path}')` });
  }
  drawSlots(svg, layout, lit);
  return layout;
}

function describe(layout: DiagramLayout): string {
  const doors = layout.slots.filter((slot) => slot.kind === 'door').length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(layout.hosts.length, 'host')}, ${count(doors, 'listening or UDP socket')}, ${count(layout.wires.length, 'TCP connection')}. The socket table below lists every socket.`;
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

function drawSlots(svg: SVGSVGElement, layout: DiagramLayout, lit: Set<number>): void {
  for (const slot of layout.slots) {
    const highlighted = lit.has(slot.socketId) || slot.accepted.some((id) => lit.has(id));
    const classes = ['np-slot', `np-${slot.kind}`, `np-${slot.protocol}`, highlighted ? 'is-highlighted' : ''].filter(Boolean).join(' ');
    const group = svgElement(svg, 'g', { class: classes, 'data-socket': slot.socketId, 'data-endpoint': `${slot.endpoint.ip}:${slot.endpoint.port}` });
    svgElement(group, 'title', {}, slot.title);
    const r = slot.kind === 'door' ? 3 : 12;
    svgElement(group, 'rect', { x: slot.x, y: slot.y, width: slot.width, height: slot.height, rx: r, class: 'np-slot-box' });
    const cx = slot.x + slot.width / 2;
    svgElement(group, 'text', { x: cx, y: slot.y + 16, class: 'np-slot-program' }, slot.lines[0]);
    svgElement(group, 'text', { x: cx, y: slot.y + 31, class: 'np-slot-port' }, slot.lines[1]);
    svgElement(group, 'text', { x: cx, y: slot.y + 46, class: 'np-slot-state' }, slot.lines[2]);
  }
}

/** Draws every wire's line, then every wire's label on top; returns the label groups. */
function drawWires(svg: SVGSVGElement, layout: DiagramLayout, litWire: string | null): SVGGElement[] {
  const classesOf = (key: string, halfOpen: boolean, kind = 'np-wire') =>
    [kind, halfOpen ? 'is-half-open' : '', key === litWire ? 'is-highlighted' : ''].filter(Boolean).join(' ');
  for (const wire of layout.wires) {
    const group = svgElement(svg, 'g', { class: classesOf(wire.key, wire.halfOpen), 'data-connection': wire.label });
    svgElement(group, 'path', { d: wire.path, class: 'np-wire-path' });
  }
  return layout.wires.map((wire) => {
    const group = svgElement(svg, 'g', { class: classesOf(wire.key, wire.halfOpen, 'np-wire-labels') });
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
