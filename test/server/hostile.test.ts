/**
 * Hostile input found by fuzzing, kept as robustness tests: each document once aborted the process,
 * froze it for a minute or drew diagnostics on a file that is no template. Through the bundled CLI
 * and the bundled language server, as a user runs them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { startServer } from '../support/lspClient';
import type { TestServer } from '../support/lspClient';
import { aliasHeavyYaml, deepJson, hostileTemplates, largeJsonTemplate, packageLock } from '../support/hostile';

describe('hostile input', function () {
  this.timeout(120_000);

  describe('lambda-lens check', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'lambda-lens-hostile-'));
      for (const c of hostileTemplates()) writeFileSync(join(dir, c.file), c.text);
      writeFileSync(join(dir, 'deep2.json'), deepJson(3_000));
      writeFileSync(join(dir, 'package-lock.json'), packageLock(9_000_000));
      writeFileSync(join(dir, 'ci.yaml'), aliasHeavyYaml(20_000));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('skips deeply nested JSON with one information each, without aborting', () => {
      const r = runCli(['check', 'deep.json', 'deep2.json', 'deeper.json', '--format=json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as Array<{ file: string; rule: string; severity: string; message: string }>;
      assert.deepEqual(findings.map((f) => [f.file, f.rule, f.severity]), [
        ['deep.json', 'template/parse', 'information'],
        ['deep2.json', 'template/parse', 'information'],
        ['deeper.json', 'template/parse', 'information'],
      ]);
      assert.match(findings[0]!.message, /nests its values more than 200 levels deep/);
    });

    it('checks policies of star globs and a template of 20,000 aliases like any other template', () => {
      const stars = runCli(['check', 'stars.yaml', '--format=json'], dir);
      assert.ok((JSON.parse(stars.stdout) as Array<{ rule: string }>).some((f) => f.rule === 'rds-proxy/auth-secret'), stars.stdout);
      const aliases = runCli(['check', 'aliases.yaml'], dir);
      assert.equal(aliases.code, 0, aliases.stderr);
      assert.doesNotMatch(aliases.stdout, /template\/parse/);
    });

    it('says nothing about a 9 MB package-lock.json or an alias-heavy CI file in a folder', () => {
      const r = runCli(['check', 'package-lock.json', 'ci.yaml'], dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, 'No problems in 0 templates.\n');
      assert.match(r.stderr, /package-lock\.json is not a CloudFormation or SAM template; skipped/);
    });
  });

  describe('language server', () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startServer();
    });
    afterEach(async () => {
      await server.stop();
    });

    /** Opens `text`, then types one character at its start, as an editor sends it; returns both publications. */
    async function openAndType(uri: string, text: string, at = { line: 0, character: 1 }) {
      const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 60_000);
      server.open(uri, text);
      const first = await opened;
      const typed = server.nextDiagnostics(uri, (p) => p.version === 2, 60_000);
      server.change(uri, 2, [{ range: { start: at, end: at }, text: ' ' }]);
      return { first, second: await typed };
    }

    for (const c of hostileTemplates()) {
      it(`answers ${c.name} on open and after a keystroke`, async () => {
        const { first, second } = await openAndType(`file:///work/${c.file}`, c.text);
        assert.ok(first.every((d) => d.code !== 'lambda-lens/rule-failed') && second.every((d) => d.code !== 'lambda-lens/rule-failed'));
        if (c.file.includes('deep')) assert.deepEqual(second.map((d) => d.code), ['template/parse']);
      });
    }

    it('publishes nothing for a 9 MB package-lock.json or an alias-heavy plain YAML file, before or after an edit', async () => {
      for (const [uri, text] of [['file:///work/package-lock.json', packageLock(9_000_000)], ['file:///work/.gitlab-ci.yml', aliasHeavyYaml(20_000)]] as const) {
        const { first, second } = await openAndType(uri, text);
        assert.deepEqual([first, second], [[], []], uri);
      }
    });

    // Not on disk, so no package measurement: the keystroke alone (its time is in `npm run bench`).
    it('validates a keystroke in a 3.9 MB JSON template', async () => {
      const text = largeJsonTemplate(3_900_000);
      const line = text.split('\n').findIndex((l) => l.includes('"MemorySize": 512'));
      const { first, second } = await openAndType('untitled:big.json', text, { line, character: 2 });
      assert.ok(first.length > 1_000, `${first.length} diagnostics`);
      assert.equal(second.length, first.length);
    });
  });
});
