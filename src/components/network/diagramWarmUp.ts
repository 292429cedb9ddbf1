/**
 * Readies the browser for a page's first network picture, before any run. The first picture a page draws cost
 * its frame far more than the next one (traced at 4× CPU slowdown: layout 32–50 ms against 8 ms, the script
 * that builds it 41 ms against 20): the diagram's fonts are set up and its code compiled the first time. So a
 * small sample network — every kind of text the picture has — is drawn once, hidden, where the live diagram is
 * and at its width, and removed once the browser has laid it out.
 */
import type { HostView, SocketRow } from '../../lib/netsim/types';
import { afterFrameTask } from '../scheduling/yield-to-page';
import { renderDiagram, type DiagramOptions, type DiagramState } from './diagram';

const owner = (pid: number, fd: number, runAs: 'root' | 'user') => ({ name: 'node', pid, fd, runAs });
const host = (name: string, index: number, ip: string): HostView => ({
  name,
  nics: [
    { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, loopback: true },
    { index: 2, name: 'eth0', mac: `02:00:00:00:00:0${index}`, ip, prefix: 24, loopback: false },
  ],
  processes: [{ name: 'node', pid: 1000 + index, runAs: index === 1 ? 'root' : 'user' }],
});
const server = { ip: '10.0.0.2', port: 7 };
const client = { ip: '10.0.0.10', port: 51234 };

/** A server with a listening socket and an accepted one, a client connected to it, and one socket gone. */
const SAMPLE: DiagramState = {
  hosts: [host('web', 1, server.ip), host('laptop', 2, client.ip)],
  sockets: [
    { id: 1, host: 'web', protocol: 'tcp', state: 'LISTEN', local: { ip: '0.0.0.0', port: 7 }, remote: null, recvQ: 0, sendQ: 0, owner: owner(1001, 20, 'root') },
    { id: 3, host: 'web', protocol: 'tcp', state: 'ESTABLISHED', local: server, remote: client, recvQ: 0, sendQ: 0, owner: owner(1001, 21, 'root') },
    { id: 2, host: 'laptop', protocol: 'tcp', state: 'ESTABLISHED', local: client, remote: server, recvQ: 0, sendQ: 0, owner: owner(1002, 20, 'user') },
    { id: 4, host: 'web', protocol: 'udp', state: 'UNCONN', local: { ip: '0.0.0.0', port: 53 }, remote: null, recvQ: 0, sendQ: 0, owner: owner(1001, 22, 'root') },
  ] satisfies SocketRow[],
  gone: [
    { id: 5, host: 'laptop', protocol: 'tcp', state: 'TIME-WAIT', local: { ...client, port: 51235 }, remote: server, recvQ: 0, sendQ: 0, owner: null },
  ],
};

/**
 * Draws the sample into `frame` (the live diagram's parent), hidden and taking no room, in a task after the
 * next frame, and removes it in a task after the frame that laid it out: the views are mounted as the editor
 * opens, so this is done while the learner starts to type. (At an idle moment, as it was, it could come as late
 * as a first run, whose waits for the runner are idle moments: 37 ms of layout in a run's frame at 4×.)
 * `options` are read then: the width the live diagram has, so the sample is laid out the way the first picture
 * will be (across, or down). Not drawn when a run has begun by then (`runGoing`): on a slow network the views
 * can appear after the learner clicked Run, and that run draws the real picture.
 */
export function warmDiagram(frame: HTMLElement, options: () => DiagramOptions, runGoing: () => boolean): { cancel(): void } {
  let holder: HTMLElement | undefined;
  const removal = afterFrameTask(() => {
    holder?.remove();
    holder = undefined;
  });
  const drawing = afterFrameTask(() => {
    if (!frame.isConnected || runGoing()) return;
    holder = document.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    holder.setAttribute('inert', '');
    // Laid out (that is what warms the fonts), never painted, and no room taken from the page.
    holder.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;visibility:hidden;pointer-events:none';
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    holder.append(svg);
    frame.append(holder);
    renderDiagram(svg, SAMPLE, null, options());
    removal.schedule();
  });
  drawing.schedule();
  return {
    cancel() {
      drawing.cancel();
      removal.cancel();
      holder?.remove();
      holder = undefined;
    },
  };
}
