/** Data a page embeds at build time as `<script type="application/json" data-NAME>`: read once, or undefined. */
export function embedded<T>(name: string): T | undefined {
  const script = document.querySelector<HTMLScriptElement>(`script[data-${name}]`);
  if (!script?.textContent) return undefined;
  try {
    return JSON.parse(script.textContent) as T;
  } catch {
    return undefined;
  }
}

/** An element with a class and, optionally, its text: the pages here build their DOM with this, never from HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(label: string, className = 'endpoints-button'): HTMLButtonElement {
  const node = element('button', className, label);
  node.type = 'button';
  return node;
}

/** The page's turn: lets it paint and answer clicks before more work runs. */
export const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
