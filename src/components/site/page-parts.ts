/**
 * What a page embeds, read from its MDX source at build time: the exercises (`<Exercise id="…" />`) and
 * playgrounds (`<Playground … />`) it shows. The site chrome uses it to give those pages a skip link to the
 * exercise and the wide layout their editor, diagrams and terminal need.
 */
export function exerciseIdsIn(body: string | undefined): string[] {
  return [...(body ?? '').matchAll(/<Exercise\s+[^>]*?\bid=["']([a-z0-9-]+)["']/g)].map((match) => match[1]!);
}

/** Does the page hold a workspace (an exercise or a playground) that needs the wide layout? */
export function hasWorkspace(body: string | undefined): boolean {
  return /<(Exercise|Playground)\s/.test(body ?? '');
}

/** The id of the element a "Skip to the exercise" link lands on. */
export const exerciseAnchor = (id: string) => `exercise-${id}`;
