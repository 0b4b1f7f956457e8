import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');

describe('lambda-lens command dispatch', () => {
  it('lists rules and sample events through the bundled binary', () => {
    const rules = runCli(['rules', '--format', 'json'], ROOT);
    assert.equal(rules.code, 0);
    assert.ok((JSON.parse(rules.stdout) as Array<{ id: string }>).some((r) => r.id === 'limits/memory-size'));
    const events = runCli(['events', 'list', '--format', 'json'], ROOT);
    assert.equal(events.code, 0);
    const list = JSON.parse(events.stdout) as Array<{ id: string; service: string; title: string }>;
    assert.ok(list.length >= 45);
    assert.ok(list.some((e) => e.id === 'sqs-receive-message'));
  });

  it('generates an event filled from a template function', () => {
    const r = runCli(['events', 'generate', 's3-put', '--template', 'examples/app/template.yaml', '--function', 'ThumbnailFunction'], ROOT);
    assert.equal(r.code, 0, r.stderr);
    const key = (JSON.parse(r.stdout) as { Records: Array<{ s3: { object: { key: string } } }> }).Records[0]!.s3.object.key;
    assert.match(key, /\.jpg$/);
  });

  it('treats a leading option as the check command and rejects unknown commands with exit 2', () => {
    assert.equal(runCli(['--format', 'json', 'examples/app'], ROOT).stdout.trim(), '[]');
    const r = runCli(['nonsense'], ROOT);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "nonsense"/);
  });
});
