import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands?: Array<{ command: string }>; menus?: Record<string, Array<{ command: string; when?: string }>>; viewsWelcome?: Array<{ contents: string }> };
};

/** Command ids declared as keys of the command tables in client/src/**\/commands.ts. */
function tableIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'commands.ts') {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/^\s*'(lambdaLens\.[A-Za-z]+)':/gm)) {
          const id = m[1] ?? '';
          assert.ok(!ids.has(id), `${id} is declared in ${ids.get(id)} and ${p}`);
          ids.set(id, path.relative(ROOT, p));
        }
      }
    }
  };
  walk(path.join(ROOT, 'client', 'src'));
  return ids;
}

describe('command tables and package.json', function () {
  const tables = tableIds();
  const contributed = new Set((pkg.contributes.commands ?? []).map((c) => c.command));

  it('finds the explorer table', function () {
    assert.equal(tables.get('lambdaLens.refresh'), path.join('client', 'src', 'explorer', 'commands.ts'));
  });

  it('contributes every command of the tables, and nothing the tables lack', function () {
    assert.deepEqual([...tables.keys()].filter((id) => !contributed.has(id)), [], 'in a table, missing from contributes.commands');
    assert.deepEqual([...contributed].filter((id) => !tables.has(id)), [], 'in contributes.commands, missing from every table');
  });

  it('refers only to contributed commands in menus and the welcome view', function () {
    const used = Object.values(pkg.contributes.menus ?? {}).flatMap((items) => items.map((i) => i.command));
    for (const w of pkg.contributes.viewsWelcome ?? []) for (const m of w.contents.matchAll(/command:([\w.]+)/g)) used.push(m[1] ?? '');
    assert.deepEqual(used.filter((id) => !contributed.has(id)), []);
  });

  it('hides item-only commands from the command palette', function () {
    const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    for (const id of ['lambdaLens.copyArn', 'lambdaLens.copyName', 'lambdaLens.openInConsole', 'lambdaLens.showConfiguration', 'lambdaLens.loadMore', 'lambdaLens.runInTerminal']) {
      assert.ok(hidden.has(id), `${id} is hidden from the palette`);
    }
  });
});
