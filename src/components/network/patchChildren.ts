/**
 * Makes `live`'s children those of `drawn` (a detached element the view drew into), keeping every child of
 * `live` that is drawn again the same, wherever it moved: a view redrawn with little or nothing changed, or
 * with one row added in the middle, touches only what changed, so the browser lays out and paints only that.
 */
export function patchChildren(live: Element, drawn: Element): void {
  const kept = new Map<string, ChildNode[]>();
  for (const node of live.childNodes) {
    const key = markup(node);
    kept.set(key, [...(kept.get(key) ?? []), node]);
  }
  const wanted = [...drawn.childNodes].map((node) => kept.get(markup(node))?.shift() ?? node);
  const unused = new Set([...kept.values()].flat());
  for (const node of unused) node.remove();
  let at: ChildNode | null = live.firstChild;
  for (const node of wanted) {
    if (node === at) at = at.nextSibling;
    else live.insertBefore(node, at);
  }
}

/** What a child is, as markup: two children with the same markup are the same. */
function markup(node: ChildNode): string {
  return node instanceof Element ? node.outerHTML : `${node.nodeType}:${node.textContent ?? ''}`;
}
