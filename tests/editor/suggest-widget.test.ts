/**
 * The editor has Monaco build its suggestion widget while it opens (suggest-widget.ts). Monaco's API does not
 * offer that, so this reads the widget the way Monaco holds it; the last test checks Monaco still holds it
 * so, and says so when an upgrade changes it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSuggestWidget, SUGGEST_CONTROLLER_ID } from '../../src/components/exercise/suggest-widget';

/** A Monaco-like editor whose suggest controller holds a lazily built widget; counts the builds. */
function editorWithLazyWidget(build: () => unknown = () => ({})) {
  let builds = 0;
  const asked: string[] = [];
  const controller = {
    widget: {
      get value() {
        builds++;
        return build();
      },
    },
  };
  return {
    editor: {
      getContribution(id: string) {
        asked.push(id);
        return id === SUGGEST_CONTROLLER_ID ? controller : null;
      },
    },
    builds: () => builds,
    asked,
  };
}

describe('buildSuggestWidget', () => {
  it("asks the suggest controller's lazy widget for its value once", () => {
    const { editor, builds, asked } = editorWithLazyWidget();
    expect(buildSuggestWidget(editor)).toBe(true);
    expect(builds()).toBe(1);
    expect(asked).toEqual(['editor.contrib.suggestController']);
  });

  it('does nothing, and throws nothing, when the editor has no such controller or widget', () => {
    expect(buildSuggestWidget({ getContribution: () => null })).toBe(false);
    expect(buildSuggestWidget({ getContribution: () => undefined })).toBe(false);
    expect(buildSuggestWidget({ getContribution: () => ({}) })).toBe(false);
    expect(buildSuggestWidget({ getContribution: () => ({ widget: 42 }) })).toBe(false);
    expect(buildSuggestWidget({ getContribution: () => ({ widget: {} }) })).toBe(false);
  });

  it('keeps a failed build to itself (Monaco builds the widget again when suggestions are first shown)', () => {
    const { editor, builds } = editorWithLazyWidget(() => {
      throw new Error('no window');
    });
    expect(buildSuggestWidget(editor)).toBe(false);
    expect(builds()).toBe(1);
  });

  it("matches the Monaco in node_modules: its suggest controller has that id and builds its widget as an idle value", () => {
    const root = fileURLToPath(new URL('../../node_modules/monaco-editor/', import.meta.url));
    const source = readFileSync(`${root}esm/vs/editor/contrib/suggest/browser/suggestController.js`, 'utf8');
    expect(source).toContain(`this.ID = '${SUGGEST_CONTROLLER_ID}'`);
    expect(source).toMatch(/this\.widget = this\._toDispose\.add\(new WindowIdleValue\(/);
    const idleValue = readFileSync(`${root}esm/vs/base/common/async.js`, 'utf8');
    // Reading `value` before the idle moment cancels the idle callback and builds it at once.
    expect(idleValue).toMatch(/get value\(\) \{\s*if \(!this\._didRun\) \{\s*this\._handle\.dispose\(\);\s*this\._executor\(\);/);
  });
});
