/**
 * The CLI as npm installs it: `npm pack` of the repository, unpacked into a project's node_modules
 * away from the repository (no source, no dependencies beside it), run through `npx lambda-lens`. Every
 * subcommand must work from the bundles alone: dist/cli.js loads the others (cliDeployed.js, the
 * documentation) on demand, and each answers as the in-repository binary does.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');

describe('npx lambda-lens from the packed package', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-npx-'));
  const project = join(dir, 'project');

  before(() => {
    // dist/ is built by `npm test`; --ignore-scripts keeps pack from rebuilding it.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'ignore' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const installed = join(project, 'node_modules', 'lambda-lens');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', installed, '--strip-components=1']);
    // What npm does for a package's "bin" entry.
    mkdirSync(join(project, 'node_modules', '.bin'));
    symlinkSync('../lambda-lens/dist/cli.js', join(project, 'node_modules', '.bin', 'lambda-lens'));
    // Only the bundles may be needed: the package's own dependencies are not installed.
    rmSync(join(installed, 'node_modules'), { recursive: true, force: true });
    cpSync(join(ROOT, 'examples', 'network-broken'), join(project, 'broken'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'app'), join(project, 'app'), { recursive: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  /** `npx lambda-lens ...` in the project, offline, as a user's shell runs it. */
  const npx = (...args: string[]) => {
    const r = spawnSync('npx', ['--no', 'lambda-lens', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' }, timeout: 120_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  it('check: the same findings and exit code as the repository build', () => {
    const packed = npx('check', 'broken');
    const local = runCli(['check', 'broken'], project);
    assert.equal(packed.stderr, '');
    assert.equal(packed.code, 1);
    assert.match(packed.stdout, /^broken\/template\.yaml:\d+:\d+ {2}error {8}edge\/version-required {2}/m);
    assert.match(packed.stdout, /\d+ errors, \d+ warnings, 1 information in 1 of 1 template\.\n$/);
    assert.equal(packed.stdout, local.stdout);
  });

  it('size: the zipped size of each function of a template', () => {
    const r = npx('size', 'app');
    assert.equal(r.code, 0, r.stderr);
    for (const fn of ['ThumbnailFunction', 'CleanupFunction', 'ApiFunction']) assert.match(r.stdout, new RegExp(`^ {2}${fn} +\\d+ B zipped`, 'm'));
  });

  it('events: lists the catalogue and generates an event filled from the template', () => {
    const list = npx('events', 'list');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^sqs-receive-message +sqs /m);
    const event = npx('events', 'generate', 'sqs-receive-message');
    assert.equal(event.code, 0, event.stderr);
    assert.ok(Array.isArray((JSON.parse(event.stdout) as { Records: unknown[] }).Records));
  });

  it('rules: lists every rule with its level', () => {
    const r = npx('rules');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, runCli(['rules'], project).stdout);
    assert.match(r.stdout, /^edge\/version-required +error +/m);
  });

  it('deployed and --version: the separately bundled subcommand loads and answers', () => {
    const help = npx('deployed', '--help');
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: lambda-lens deployed/);
    const version = npx('--version');
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('check loads neither the deployed subcommand nor the documentation: it answers the same without them', () => {
    const lean = join(dir, 'lean');
    cpSync(join(project, 'node_modules', 'lambda-lens'), lean, { recursive: true });
    for (const file of ['cliDeployed.js', 'schemaDocs.js']) rmSync(join(lean, 'dist', file));
    const r = spawnSync(process.execPath, [join(lean, 'dist', 'cli.js'), 'check', 'broken'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, runCli(['check', 'broken'], project).stdout);
  });

  it('check in a package that lost its specification bundle: names the missing file and says to reinstall', () => {
    const damaged = join(dir, 'damaged');
    cpSync(join(project, 'node_modules', 'lambda-lens'), damaged, { recursive: true });
    rmSync(join(damaged, 'dist', 'schemaShapes.js'));
    const r = spawnSync(process.execPath, [join(damaged, 'dist', 'cli.js'), 'check', 'broken'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /lambda-lens\/rule-failed {2}The rule schema\/required failed on this template \(Lambda Lens could not load its resource specification data \(Cannot find module '\.\/schemaShapes\.js'\)\. The installation is incomplete or damaged; reinstall Lambda Lens\.\)/);
    // The rules that do not read the specification still run.
    assert.match(r.stdout, /^broken\/template\.yaml:\d+:\d+ {2}error {8}edge\/version-required {2}/m);
  });
});
