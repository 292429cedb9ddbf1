/**
 * Where a key press is text, not a shortcut: every site shortcut (search's `/`, the packet view's arrows)
 * leaves these alone. Monaco in Chromium takes its input through an EditContext element (a plain `div` with
 * role="textbox", neither a textarea nor contenteditable), and xterm through a hidden textarea, so the test
 * is wider than "input or textarea". `[data-editor]` is the exercise's editor host (whatever Monaco puts in it).
 */
const EDITABLE =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="searchbox"], [role="combobox"], [data-editor], .xterm';

export function isEditableElement(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && (target.isContentEditable || hasEditContext(target))) return true;
  return target.closest(EDITABLE) !== null;
}

/** Is the key press aimed at something the learner types into (looking inside shadow roots too)? */
export function isEditableEvent(event: Event): boolean {
  const origin = event.composedPath()[0] ?? event.target;
  return isEditableElement(origin) || isEditableElement(event.target);
}

function hasEditContext(element: HTMLElement): boolean {
  return 'editContext' in element && (element as HTMLElement & { editContext: unknown }).editContext != null;
}
