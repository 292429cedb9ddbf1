/**
 * The network panel's markup, one source for both the server-rendered <NetworkPanel /> and a panel that a
 * script mounts into an empty element. `id` prefixes every id so several panels can share a page.
 */
import { SOCKET_TABLE_COLUMNS } from '../../lib/views/socketTable';

export function panelMarkup(id: string): string {
  const tab = (name: string, label: string, selected: boolean) =>
    `<button type="button" role="tab" class="np-tab" id="${id}-tab-${name}" data-tab="${name}" aria-controls="${id}-${name}" aria-selected="${selected}" tabindex="${selected ? 0 : -1}">${label}</button>`;
  return `
<div class="np-tabs" role="tablist" aria-label="Network views">
  ${tab('diagram', 'Diagram', true)}${tab('packets', 'Packets', false)}${tab('terminal', 'Terminal', false)}
</div>
<section class="np-panel" role="tabpanel" id="${id}-diagram" aria-labelledby="${id}-tab-diagram" tabindex="0" data-panel="diagram">
  <div class="np-diagram-frame" tabindex="0" role="region" aria-label="Network diagram"><svg data-np="live-diagram" aria-hidden="false"></svg></div>
  <p class="np-table-title" aria-hidden="true">Socket table: every socket in the network now, as <code>ss -tuanp</code> lists them</p>
  <div class="np-table-scroll np-socket-scroll" tabindex="0" role="region" aria-label="Socket table">
    <table class="np-table np-socket-table" role="table">
      <caption class="sr-only">Socket table: every socket in the network now, as ss -tuanp lists them</caption>
      <thead role="rowgroup"><tr role="row">${SOCKET_TABLE_COLUMNS.map((column) => `<th scope="col" role="columnheader">${column}</th>`).join('')}</tr></thead>
      <tbody role="rowgroup" data-np="socket-rows"></tbody>
    </table>
  </div>
</section>
<section class="np-panel" role="tabpanel" id="${id}-packets" aria-labelledby="${id}-tab-packets" tabindex="0" data-panel="packets" hidden>
  <div class="np-diagram-frame np-diagram-small" tabindex="0" role="region" aria-label="Network diagram at the chosen packet"><svg data-np="trace-diagram"></svg></div>
  <p class="np-moment" data-np="moment"></p>
  <div class="np-trace-controls">
    <label class="np-filter">Connection <select data-np="filter"></select></label>
    <span class="np-steppers">
      <button type="button" class="np-button" data-np="previous" aria-keyshortcuts="ArrowLeft">◀ Previous</button>
      <button type="button" class="np-button" data-np="next" aria-keyshortcuts="ArrowRight">Next ▶</button>
    </span>
  </div>
  <p class="np-hint">Step through the packets with the buttons, or with ← and → while this panel has focus.</p>
  <p class="np-status" role="status" data-np="status"></p>
  <div class="np-trace-scroll" tabindex="0" role="region" aria-label="Packets" data-np="packet-scroll">
    <div class="np-packet-table" role="table" aria-label="Packets in virtual time, one row per packet" aria-rowcount="1" data-np="packet-table">
      <div role="rowgroup" class="np-packet-head">
        <div role="row" class="np-packet-row np-packet-header" aria-rowindex="1"><span role="columnheader" class="np-number">#</span><span role="columnheader" class="np-label">Packet</span><span role="columnheader" class="np-time">Time</span><span role="columnheader" class="np-end np-end-left">Opened by</span><span role="columnheader" class="np-arrow"><span class="sr-only">Direction</span></span><span role="columnheader" class="np-end np-end-right">Other side</span><span role="columnheader" class="np-detail">Details</span></div>
      </div>
      <div role="rowgroup" class="np-packet-body" data-np="packet-rows"></div>
    </div>
  </div>
</section>
<section class="np-panel" role="tabpanel" id="${id}-terminal" aria-labelledby="${id}-tab-terminal" data-panel="terminal" hidden>
  <p class="np-hint">A shell on the emulated network: try <code>help</code>, <code>ip addr</code> or <code>ss -tuanp</code>. Press <kbd>Esc</kbd> then <kbd>Tab</kbd> to leave the terminal.</p>
  <div class="np-terminal" data-np="terminal"></div>
  <p class="np-status" role="status" data-np="escape-hint"></p>
</section>`;
}
