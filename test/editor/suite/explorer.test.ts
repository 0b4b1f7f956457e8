import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FUNCTIONS, REGION } from './fixtures';
import { EXTENSION_ID, waitFor } from './helpers';

interface Api {
  readonly explorer: vscode.TreeDataProvider<unknown>;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'object' ? item.label.label : (item.label ?? '');
}

function tooltipOf(item: vscode.TreeItem): string {
  return typeof item.tooltip === 'object' ? item.tooltip.value : (item.tooltip ?? '');
}

describe('explorer', () => {
  async function explorer(): Promise<vscode.TreeDataProvider<unknown>> {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    return (await extension.activate()).explorer;
  }

  async function functionNodes(provider: vscode.TreeDataProvider<unknown>): Promise<unknown[]> {
    const roots = await waitFor(async () => {
      const nodes = (await provider.getChildren()) ?? [];
      return nodes.length > 0 ? nodes : undefined;
    }, 'the region nodes of the explorer');
    const region = await (async () => {
      for (const node of roots) if (labelOf(await provider.getTreeItem(node)) === REGION) return node;
      return undefined;
    })();
    assert.ok(region, `no ${REGION} node`);
    const children = (await provider.getChildren(region)) ?? [];
    const functions: unknown[] = [];
    for (const node of children) {
      const item = await provider.getTreeItem(node);
      if (FUNCTIONS.some((f) => f.FunctionName === labelOf(item))) functions.push(node);
    }
    return functions;
  }

  it('lists the functions the loopback Lambda API serves, with runtime, memory and timeout', async () => {
    const provider = await explorer();
    const nodes = await functionNodes(provider);
    const items = await Promise.all(nodes.map((n) => provider.getTreeItem(n)));
    assert.deepEqual(items.map(labelOf).sort(), FUNCTIONS.map((f) => f.FunctionName).sort());
    const orders = items.find((i) => labelOf(i) === 'orders-api');
    assert.equal(orders?.description, 'nodejs22.x · 512 MB · 30 s');
  });

  it('fills the function tooltip with its ARN when VS Code resolves it', async () => {
    const provider = await explorer();
    assert.ok(provider.resolveTreeItem, 'the explorer resolves tooltips lazily');
    const nodes = await functionNodes(provider);
    let tooltip = '';
    for (const node of nodes) {
      const item = await provider.getTreeItem(node);
      if (labelOf(item) !== 'orders-api') continue;
      const resolved = await provider.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
      tooltip = tooltipOf(resolved ?? item);
    }
    assert.match(tooltip, /arn:aws:lambda:us-east-1:\d{12}:function:orders-api/);
  });
});
