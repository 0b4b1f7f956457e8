import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import type { Node, Range } from '../../../server/src/template/ast';
import { templateChanges } from '../../../server/src/template/changes';
import { updateTemplate } from '../../../server/src/template/incremental';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { functionsTemplate } from '../../../server/src/template/sample';
import { EDITS, rng } from '../../support/randomEdits';
import { yamlToJson } from '../../support/jsonText';
import { PARSE_LIMITS } from '../../../server/src/config';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus', 'sam-translator');

/** A corpus template with an anchor in one resource and its alias in another, ahead of the rest. */
function withAnchors(text: string): string {
  return text.replace(/^Resources:\n/m, 'Resources:\n  Anchored:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: &delay 30 }\n  Aliased:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: *delay }\n');
}

/** Resources of `after` that are the very nodes of `before` (reused, not re-parsed). */
function reused(before: ReturnType<typeof buildTemplate>, after: ReturnType<typeof buildTemplate>): number {
  let n = 0;
  for (const [id, r] of after.resources) if (before.resources.get(id)?.node === r.node) n++;
  return n;
}

/**
 * What the model indexes, as plain data: the resources in order with their types and entry ranges,
 * the lists by type, and the resource found at the start of each entry and just before it.
 */
function indexed(t: ReturnType<typeof buildTemplate>): unknown {
  const resources = [...t.resources.values()];
  const types = [...new Set(resources.map((r) => r.type))];
  return {
    resources: resources.map((r) => [r.id, r.type, r.idRange.start, r.node.range.end, r.condition, r.properties?.range.start]),
    byType: types.map((type) => [type, t.ofType(type).map((r) => r.id)]),
    at: resources.flatMap((r) => [t.resourceAt(r.idRange.start)?.id, t.resourceAt(r.idRange.start - 1)?.id]),
  };
}

/** The changes between two models, as plain data. */
function changesOf(prev: ReturnType<typeof buildTemplate>, next: ReturnType<typeof buildTemplate>): unknown {
  const c = templateChanges(prev, next);
  return { region: c.region, outside: c.outside, loose: c.outside || c.loose, resources: [...c.resources].map(([id, keys]) => [id, keys === '*' ? '*' : [...keys].sort()]).sort() };
}

/** Asserts that an incrementally updated model is the model a full parse of the same text gives. */
function sameAsFull(updated: ReturnType<typeof buildTemplate>, full: ReturnType<typeof buildTemplate>, step: string): void {
  assert.equal(JSON.stringify(updated.root), JSON.stringify(full.root), step);
  assert.deepEqual(updated.problems, full.problems, step);
  assert.deepEqual(indexed(updated), indexed(full), step);
  assert.deepEqual(updated.directives, full.directives, step);
}

describe('incremental re-parse', function () {
  this.timeout(240_000);

  it('gives the same tree as a full parse for thousands of random edits to real templates, with and without anchors', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).slice(0, 120);
    const random = rng(42);
    let reusedPlain = 0;
    let reusedAnchored = 0;
    let sections = 0;
    for (const f of files) {
      const plain = readFileSync(join(CORPUS, f), 'utf8');
      for (const text of [plain, withAnchors(plain)]) {
        for (let i = 0; i < 25; i++) {
          const edited = EDITS[Math.floor(random() * EDITS.length)]!(text, Math.floor(random() * text.length));
          // Each edit starts from a model of its own: an update uses up the model it is given.
          const before = buildTemplate(text);
          const updated = updateTemplate(before, edited, 0);
          const full = buildTemplate(edited);
          assert.equal(JSON.stringify(updated.root), JSON.stringify(full.root), `${f} edit ${i}`);
          assert.equal(updated.isTemplate, full.isTemplate);
          // Resources taken over from the previous model are indexed as a fresh model indexes them, and
          // what the re-parse says it changed is what comparing the texts and every entry finds.
          assert.deepEqual(indexed(updated), indexed(full), `${f} edit ${i}: resources`);
          // (The same text parsed apart is an unrelated model: the texts and entries are compared.)
          if (updated.edit) assert.deepEqual(changesOf(before, updated), changesOf(buildTemplate(text), updated), `${f} edit ${i}: changes`);
          assert.deepEqual(updated.problems, full.problems, `${f} edit ${i}`);
          assert.deepEqual(updated.directives, full.directives, `${f} edit ${i}`);
          assert.deepEqual(updated.lines, full.lines, `${f} edit ${i}: line index`);
          if (text === plain) reusedPlain += reused(before, updated);
          else reusedAnchored += reused(before, updated);
          if (updated.edit?.section) sections++;
        }
      }
    }
    // The incremental path really ran on plain templates, and never on templates with anchors.
    assert.ok(reusedPlain > 500, `reused ${reusedPlain} resources`);
    assert.equal(reusedAnchored, 0);
    // Edits of Globals, Parameters and the other sections re-read that section alone.
    assert.ok(sections > 80, `re-parsed ${sections} sections alone`);
  });

  it('gives the same tree and problems as a full parse through typing sessions that leave the text broken for a while', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).slice(0, 90);
    const random = rng(44);
    let fromBroken = 0;
    for (const f of files) {
      let text = readFileSync(join(CORPUS, f), 'utf8');
      let model = buildTemplate(text);
      let at = -1;
      for (let i = 0; i < 15; i++) {
        // Mostly near the last edit, as typing goes.
        const near = Math.min(text.length, Math.max(0, at + Math.floor(random() * 60) - 30));
        const resources = text.indexOf('\nResources:') + 1;
        at = at >= 0 && random() < 0.75 ? near : resources + Math.floor(random() * (text.length - resources));
        text = EDITS[Math.floor(random() * EDITS.length)]!(text, at);
        const before = model;
        const broken = before.problems.length > 0;
        const kept = new Set([...before.resources.values()].map((r) => r.node));
        model = updateTemplate(before, text, 0);
        const full = buildTemplate(text);
        assert.equal(JSON.stringify(model.root), JSON.stringify(full.root), `${f} edit ${i}`);
        assert.deepEqual(model.problems, full.problems, `${f} edit ${i}: problems`);
        assert.deepEqual(indexed(model), indexed(full), `${f} edit ${i}: resources`);
        assert.deepEqual(model.directives, full.directives, `${f} edit ${i}`);
        assert.deepEqual(model.lines, full.lines, `${f} edit ${i}: line index`);
        if (broken && [...model.resources.values()].some((r) => kept.has(r.node))) fromBroken++;
      }
    }
    // Re-parsing one entry carried on from texts with syntax errors, not only from clean ones.
    assert.ok(fromBroken > 20, `re-parsed from a broken text ${fromBroken} times`);
  });

  it('gives the same tree as a full parse for random edits to JSON templates', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).slice(0, 80);
    const random = rng(43);
    let reusedJson = 0;
    for (const f of files) {
      const text = yamlToJson(readFileSync(join(CORPUS, f), 'utf8'));
      for (let i = 0; i < 25; i++) {
        const edited = EDITS[Math.floor(random() * EDITS.length)]!(text, Math.floor(random() * text.length));
        const before = buildTemplate(text);
        const updated = updateTemplate(before, edited, 0);
        const full = buildTemplate(edited);
        assert.equal(JSON.stringify(updated.root), JSON.stringify(full.root), `${f} edit ${i}`);
        assert.deepEqual(updated.problems, full.problems, `${f} edit ${i}`);
        assert.deepEqual(updated.lines, full.lines, `${f} edit ${i}: line index`);
        reusedJson += reused(before, updated);
      }
    }
    assert.ok(reusedJson > 500, `reused ${reusedJson} resources`);
  });

  it('parses every node with range objects of its own, which moving in place relies on', () => {
    // Two nodes sharing one range object would be moved twice by an edit before them. (An alias is
    // the very node of its anchor, but a template with anchors is always parsed whole.)
    const ranges = (n: Node, out: Range[]): void => {
      out.push(n.range);
      if (n.kind === 'map') for (const p of n.pairs) out.push(p.keyRange), ranges(p.value, out);
      else if (n.kind === 'seq') for (const item of n.items) ranges(item, out);
      else if (n.kind === 'intrinsic') out.push(n.nameRange), ranges(n.arg, out);
    };
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).slice(0, 200);
    let trees = 0;
    for (const f of files) {
      const yaml = readFileSync(join(CORPUS, f), 'utf8');
      for (const text of [yaml, yamlToJson(yaml)]) {
        const model = buildTemplate(text);
        const root = model.root;
        if (!root || model.anchors) continue;
        const all: Range[] = [];
        ranges(root, all);
        assert.equal(new Set(all).size, all.length, f);
        trees++;
      }
    }
    assert.ok(trees > 350, `${trees} trees`);
  });

  it('refuses a JSON template typed past the size limit, as a full parse does', () => {
    const small = yamlToJson(functionsTemplate(40));
    // Just under the limit: a queue whose metadata holds a long note.
    const pad = `"Pad": { "Type": "AWS::SQS::Queue", "Metadata": { "Note": "${'n'.repeat(PARSE_LIMITS.maxFileBytes - small.length - 200)}" } }, `;
    const text = small.replace('"Resources": {', `"Resources": { ${pad}`);
    const before = buildTemplate(text);
    assert.equal(before.problems.length, 0);
    // A long description pasted into one function, inside its entry.
    const at = text.indexOf('"MemorySize": 512') + '"MemorySize": 512'.length;
    const edited = `${text.slice(0, at)}, "Description": "${'x'.repeat(PARSE_LIMITS.maxFileBytes - text.length)}"${text.slice(at)}`;
    const updated = updateTemplate(before, edited, 0);
    assert.equal(updated.problems[0]?.kind, 'too-large');
  });

  it('updates an alias in another resource when its anchor is edited', () => {
    const text = withAnchors(functionsTemplate(40));
    const before = buildTemplate(text);
    const edited = text.replace('&delay 30', '&delay 45');
    const updated = updateTemplate(before, edited, 0);
    const delay = (t: typeof updated) => JSON.stringify(t.resources.get('Aliased')!.properties);
    assert.match(delay(updated), /"value":45/);
    assert.equal(delay(updated), delay(buildTemplate(edited)));
  });

  it('drops what follows a --- or ... typed inside a resource, as a full parse does', () => {
    const text = functionsTemplate(40);
    for (const marker of ['---', '...']) {
      const before = buildTemplate(text);
      const edited = text.replace('      MemorySize: 512\n', `      MemorySize: 512\n${marker}\n`);
      const updated = updateTemplate(before, edited, 0);
      assert.equal(JSON.stringify(updated.root), JSON.stringify(buildTemplate(edited).root));
      assert.ok(updated.resources.size < before.resources.size, marker);
    }
  });

  it('keeps no old version of the document alive through re-parsed resources', () => {
    // A fragment sliced from the document would keep the whole text of that version alive (V8 slices
    // point into their parent) for as long as the resource's values live: 500 edits over the functions
    // of a 500-function template then hold about 80 MB. Copied fragments hold only themselves.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let text = functionsTemplate(500);
    let t = buildTemplate(text);
    const at = [...text.matchAll(/^ {6}MemorySize: 512$/gm)].map((m) => m.index + 20);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let v = 0; v < 500; v++) {
      const i = at[(v * 7919) % at.length]!;
      text = `${text.slice(0, i)}${text[i] === '3' ? '2' : '3'}${text.slice(i + 1)}`;
      t = updateTemplate(t, text);
    }
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    assert.equal(t.resources.size, 800);
    assert.ok(grownMb < 25, `the heap grew by ${grownMb.toFixed(0)} MB`);
  });

  it('keeps re-parsing one resource while a new property, a quote and a list are typed into it', () => {
    let text = functionsTemplate(60);
    let model = buildTemplate(text);
    const property = text.indexOf('      MemorySize: 512', text.length / 2);
    // After the property, an environment value put in quotes; further on, a list typed in front of another.
    const first = text.indexOf('MODE: batch', property) + 'MODE: '.length;
    const quoted = first + '      Description: orders\n'.length;
    const listed = text.indexOf('MODE: batch', first) + 'MODE: '.length + '      Description: orders\n'.length + 2;
    const typed: Array<[number, string]> = [
      ...[...'      Description: orders\n'].map((c, i): [number, string] => [property + i, c]),
      [quoted, "'"],
      [quoted + "'batch".length, "'"],
      ...[...'[a, b] '].map((c, i): [number, string] => [listed + i, c]),
    ];
    let broken = 0;
    for (const [offset, c] of typed) {
      text = text.slice(0, offset) + c + text.slice(offset);
      const first = model.resources.get('Table0')!.node;
      model = updateTemplate(model, text);
      const full = buildTemplate(text);
      assert.deepEqual(model.problems, full.problems, JSON.stringify(c));
      assert.equal(JSON.stringify(model.root), JSON.stringify(full.root));
      // Not parsed again whole: the first resource keeps its nodes.
      assert.equal(model.resources.get('Table0')!.node, first, `after typing ${JSON.stringify(c)}`);
      if (full.problems.length > 0) broken++;
    }
    // `Description:      MemorySize` (a nested mapping), the open quote and the open list are syntax errors for a while.
    assert.ok(broken >= 10, `${broken} broken versions`);
  });

  it('re-parses the entry a new resource is typed after, and takes the new resource from it once its key is complete', () => {
    let text = functionsTemplate(60);
    let model = buildTemplate(text);
    // At the end of the line before Fn31's: Enter, then the new resource.
    const at = text.indexOf('\n  Fn31:\n');
    const typed = '\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5';
    let incremental = 0;
    for (let i = 0; i < typed.length; i++) {
      text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
      const first = model.resources.get('Table0')!.node;
      model = updateTemplate(model, text);
      const full = buildTemplate(text);
      assert.equal(JSON.stringify(model.root), JSON.stringify(full.root), `after ${JSON.stringify(typed.slice(0, i + 1))}`);
      assert.deepEqual(model.problems, full.problems);
      assert.deepEqual(indexed(model), indexed(full));
      if (model.resources.get('Table0')!.node === first) incremental++;
    }
    assert.equal(model.resources.get('Queue')?.type, 'AWS::SQS::Queue');
    // The unfinished key (`  Q` to `  Queue`, not a mapping entry yet) is read again with the entry it swallows.
    assert.equal(incremental, typed.length, `${incremental} of ${typed.length} keystrokes re-parsed one entry`);
  });

  it('re-parses the last entry while a resource is typed after it, before the Outputs section', () => {
    const resources = functionsTemplate(60);
    let text = `${resources}Outputs:\n  Api:\n    Value: !Ref Fn0\n`;
    let model = buildTemplate(text);
    // At the end of the last resource's last line: Enter, then the new resource.
    const at = resources.length - 1;
    const typed = '\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5';
    let incremental = 0;
    for (let i = 0; i < typed.length; i++) {
      text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
      model = updateTemplate(model, text);
      sameAsFull(model, buildTemplate(text), `after ${JSON.stringify(typed.slice(0, i + 1))}`);
      if (model.edit) incremental++;
    }
    assert.equal(model.resources.get('Queue')?.type, 'AWS::SQS::Queue');
    assert.equal(incremental, typed.length, `${incremental} of ${typed.length} keystrokes re-parsed the last entries`);
  });

  it('gives the same tree and problems as a full parse while a resource is typed between two others of real templates', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).slice(0, 60);
    const random = rng(45);
    let incremental = 0;
    let keystrokes = 0;
    for (const f of files) {
      let text = readFileSync(join(CORPUS, f), 'utf8');
      // The end of the line before a resource's key, past the first resource.
      const keys = [...text.matchAll(/\n {2}[A-Za-z][A-Za-z0-9]*:\n/g)].map((m) => m.index!).filter((i) => i > text.indexOf('\nResources:'));
      if (keys.length < 2) continue;
      const at = keys[1 + Math.floor(random() * (keys.length - 1))]!;
      const typed = '\n  NewQueue:\n    Type: AWS::SQS::Queue';
      let model = buildTemplate(text);
      for (let i = 0; i < typed.length; i++) {
        text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
        model = updateTemplate(model, text, 0);
        const full = buildTemplate(text);
        sameAsFull(model, full, `${f} after ${JSON.stringify(typed.slice(0, i + 1))}`);
        keystrokes++;
        // Read again from the previous model (a full parse makes a model of its own).
        if (model.edit) incremental++;
      }
    }
    // The unfinished key (`  N` to `  NewQueue`, which swallows the next entry) is re-read with its neighbours.
    assert.ok(incremental > keystrokes * 0.95, `${incremental} of ${keystrokes} keystrokes re-parsed a few entries`);
  });

  it('gives the same tree and problems as a full parse for edits of the last resource, with a section after Resources', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).slice(0, 90);
    const random = rng(46);
    let incremental = 0;
    let clean = 0;
    for (const f of files) {
      const plain = readFileSync(join(CORPUS, f), 'utf8');
      // Outputs after Resources, as most templates end, with a comment and a blank line between.
      const base = /\n[A-Za-z]\w*:/.test(plain.slice(plain.indexOf('\nResources:') + 11)) ? plain : `${plain.trimEnd()}\n# outputs\n\nOutputs:\n  Name:\n    Value: !Ref AWS::StackName\n`;
      const resources = buildTemplate(base).root?.pairs.find((p) => p.key === 'Resources')?.value;
      if (resources?.kind !== 'map' || resources.pairs.length === 0) continue;
      const lastStart = resources.pairs[resources.pairs.length - 1]!.keyRange.start;
      const sectionStart = base.slice(lastStart).search(/\n[A-Za-z]/) + lastStart;
      // A session of edits in the last resource, each near the one before (the text may stay broken)...
      let text = base;
      let model = buildTemplate(text);
      let at = lastStart + 1;
      for (let i = 0; i < 12; i++) {
        const end = text.indexOf('\nOutputs:') > 0 ? text.indexOf('\nOutputs:') : sectionStart;
        at = Math.min(end, Math.max(lastStart + 1, at + Math.floor(random() * 40) - 20));
        text = EDITS[Math.floor(random() * EDITS.length)]!(text, at);
        model = updateTemplate(model, text, 0);
        sameAsFull(model, buildTemplate(text), `${f} edit ${i}`);
      }
      // ...and single edits of the clean text.
      for (let i = 0; i < 8; i++) {
        const edited = EDITS[Math.floor(random() * EDITS.length)]!(base, lastStart + 1 + Math.floor(random() * (sectionStart - lastStart)));
        const updated = updateTemplate(buildTemplate(base), edited, 0);
        const full = buildTemplate(edited);
        sameAsFull(updated, full, `${f} single edit ${i}`);
        if (full.problems.length > 0 || full.anchors || full.directives.length > 0 || edited.includes('\n---') || edited.includes('\n...')) continue;
        clean++;
        if (updated.edit) incremental++;
      }
    }
    // A clean edit of the last resource re-reads it alone and moves the section after it.
    assert.ok(clean > 100 && incremental > clean * 0.9, `${incremental} of ${clean} clean edits re-parsed the last resource`);
  });

  it('re-parses a section other than Resources alone while it stays valid, keeping every resource', () => {
    let text = `${functionsTemplate(60)}Outputs:\n  Api:\n    Value: !GetAtt Fn0.Arn\n`;
    let model = buildTemplate(text);
    const first = model.resources.get('Table0')!;
    const last = model.resources.get('Fn59')!;
    const edits: Array<[string, string, string | undefined]> = [
      ['Default: 1024', 'Default: 2048', 'Parameters'],
      ['    Timeout: 30\n', '    Timeout: 3\n', 'Globals'],
      ['    Value: !GetAtt Fn0.Arn\n', '    Value: !GetAtt Fn2.Arn\n    Export: { Name: api }\n', 'Outputs'],
      // Broken: the whole template is parsed again.
      ['    Timeout: 3\n', '    Timeout: [3\n', undefined],
    ];
    for (const [from, to, section] of edits) {
      text = text.replace(from, to);
      model = updateTemplate(model, text);
      const full = buildTemplate(text);
      sameAsFull(model, full, to);
      assert.deepEqual(model.lines, full.lines, to);
      assert.equal(model.edit?.section, section, to);
      if (section) {
        assert.equal(model.resources.get('Table0'), first, to);
        assert.equal(model.resources.get('Fn59'), last, to);
      }
    }
  });

  it('re-parses one resource of a large template and keeps later ranges exact', () => {
    const text = functionsTemplate(300);
    const before = buildTemplate(text);
    const lastBefore = before.resources.get('Fn299')!;
    const edited = text.replace('      MemorySize: 512\n', '      MemorySize: 99999\n');
    const updated = updateTemplate(before, edited);
    assert.equal(JSON.stringify(updated.root), JSON.stringify(buildTemplate(edited).root));
    // Every other entry keeps its nodes, which is what makes it cheap: those before the edit as they
    // were, those after it moved in place (the comparison with the full parse above checks their ranges).
    const firstBefore = before.resources.get('Table0')!.node;
    assert.equal(updated.resources.get('Table0')!.node, firstBefore);
    assert.equal(updated.resources.get('Fn299')!, lastBefore);
  });
});
