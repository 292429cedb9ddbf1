/**
 * Makes `live`'s children those of `drawn` (a detached element the view drew into), position by position,
 * keeping every child that is the same: a view redrawn with little or nothing changed touches only what
 * changed, so the browser lays out and paints only that.
 */
export function patchChildren(live: Element, drawn: Element): void {
  const next = [...drawn.childNodes];
  const current = [...live.childNodes];
  next.forEach((node, index) => {
    const old = current[index];
    if (!old) live.append(node);
    else if (!old.isEqualNode(node)) live.replaceChild(node, old);
  });
  for (const extra of current.slice(next.length)) extra.remove();
}
