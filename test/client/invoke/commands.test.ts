import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { invokeCommands, type InvokeActions } from '../../../client/src/invoke/commands';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('invoke commands', () => {
  const calls: string[] = [];
  const flow: InvokeActions = {
    invoke: async (arg) => void calls.push(`invoke ${JSON.stringify(arg)}`),
    invokePayload: async (uri, confirmed) => void calls.push(`invokePayload ${String(uri)} ${String(confirmed)}`),
    chooseInvocationType: async (uri, type) => void calls.push(`type ${String(uri)} ${String(type)}`),
    saveEvent: async (uri, name) => void calls.push(`save ${String(uri)} ${String(name)}`),
  };
  const table = invokeCommands(flow);

  it('matches package.json both ways', () => {
    const declared = manifest.contributes.commands.map((c) => c.command);
    for (const id of Object.keys(table)) assert.ok(declared.includes(id), `${id} is not in package.json`);
    const invokeIds = declared.filter((id) => ['lambdaLens.invoke', 'lambdaLens.invokePayload', 'lambdaLens.chooseInvocationType', 'lambdaLens.saveEvent'].includes(id));
    assert.deepEqual(invokeIds.sort(), Object.keys(table).sort());
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'lambdaLens.invoke')?.title, 'Invoke Function...');
  });

  it('puts the Invoke button in the editor title of payload documents and on explorer functions', () => {
    assert.ok(manifest.contributes.menus['editor/title']?.some((m) => m.command === 'lambdaLens.invokePayload' && m.when === 'lambdaLens.payloadEditor'));
    assert.ok(manifest.contributes.menus['view/item/context']?.some((m) => m.command === 'lambdaLens.invoke' && /viewItem =~ \/\^function\//.test(m.when ?? '')));
  });

  it('declares the confirmation pattern setting with its default', () => {
    assert.equal(manifest.contributes.configuration.properties['lambdaLens.invoke.confirmPattern']?.default, 'prod');
  });

  it('passes command arguments through to the flow', async () => {
    await table['lambdaLens.invoke']!({ functionName: 'f', run: true });
    await table['lambdaLens.invokePayload']!('u', true);
    await table['lambdaLens.chooseInvocationType']!('u', 'Event');
    await table['lambdaLens.saveEvent']!('u', 'name');
    await table['lambdaLens.saveEvent']!('u', 42);
    assert.deepEqual(calls, ['invoke {"functionName":"f","run":true}', 'invokePayload u true', 'type u Event', 'save u name', 'save u undefined']);
  });
});
