/**
 * Monaco builds an editor's suggestion widget at the first idle moment after the editor is made. On a slow
 * laptop that moment can fall in the learner's first run, as one task of ~50 ms at 4× CPU; the editor calls
 * this instead, in a task of its own while it opens.
 */

/** Monaco's id of the suggest controller, the editor contribution that holds the widget. */
export const SUGGEST_CONTROLLER_ID = 'editor.contrib.suggestController';

/** What this needs of a Monaco editor. */
export interface HasContributions {
  getContribution(id: string): unknown;
}

/**
 * Has Monaco build the editor's suggestion widget now. Monaco's API does not offer this: the widget is a
 * lazily built value (`widget.value`) of the suggest controller. If a later Monaco holds it otherwise, nothing
 * happens here and Monaco builds it at idle, as before. Returns whether it was built.
 */
export function buildSuggestWidget(editor: HasContributions): boolean {
  const controller = editor.getContribution(SUGGEST_CONTROLLER_ID) as { widget?: unknown } | null | undefined;
  const widget = controller?.widget;
  if (typeof widget !== 'object' || widget === null || !('value' in widget)) return false;
  try {
    void (widget as { value: unknown }).value;
    return true;
  } catch {
    return false; // Monaco builds it again when suggestions are first shown
  }
}
