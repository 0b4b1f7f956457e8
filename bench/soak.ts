/**
 * Memory over a long editing session: the bundled server (in a host that reports its memory after a
 * forced GC) opens a template of 1,000 and of 2,000 functions and takes 20,000 one-character edits
 * spread over all its functions, each followed by a hover so the model is rebuilt every time, and a
 * validation every 100 edits. Reported: the steady-state heap and RSS (after GC) and the peak RSS.
 * `SOAK_EDITS` shortens the session for a quick look; `SOAK_FUNCTIONS` (comma-separated) picks the sizes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, HoverRequest,
  InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { functionsTemplate } from '../server/src/template/sample';

interface Memory { rss: number; heapUsed: number; rssAfterGc: number; heapAfterGc: number }

const MB = 1024 * 1024;

export async function benchSoak(): Promise<Record<string, unknown>> {
  const edits = Number(process.env.SOAK_EDITS ?? 20_000);
  const sizes = process.env.SOAK_FUNCTIONS?.split(',').map(Number) ?? [1_000, 2_000];
  const out: Record<string, unknown> = { edits };
  for (const count of sizes) out[`${count}`] = await soak(count, edits);
  return out;
}

async function soak(count: number, edits: number): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--expose-gc', join(__dirname, 'soakHost.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
  const memory = () => new Promise<Memory>((resolve) => {
    child.once('message', (m) => resolve(m as Memory));
    child.send('memory');
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<number, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => published.get(p.version ?? -1)?.());
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const diagnosticsOf = (version: number) => new Promise<void>((resolve) => published.set(version, resolve));
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification(InitializedNotification.type, {});
    // Not on disk: package measurement stays out of the figures.
    const uri = 'untitled:soak.yaml';
    const text = functionsTemplate(count);
    const lines = text.split('\n');
    const memoryLines = lines.flatMap((l, i) => (l === '      MemorySize: 512' ? [i] : []));
    const opened = diagnosticsOf(1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const fresh = await memory();
    const samples: Memory[] = [];
    let peakRss = fresh.rss;
    // Each edit types over the last digit of one function's MemorySize (512 -> 513 -> 512), a
    // different function each time, so every resource is re-parsed again and again.
    const digit = new Map<number, string>();
    for (let v = 2; v <= edits + 1; v++) {
      const line = memoryLines[(v * 7919) % memoryLines.length]!;
      const next = digit.get(line) === '3' ? '2' : '3';
      digit.set(line, next);
      const range = { start: { line, character: 20 }, end: { line, character: 21 } };
      const validated = v % 100 === 0 ? diagnosticsOf(v) : undefined;
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text: next }] });
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 8 } });
      if (validated) await validated;
      if (v % 1_000 === 0 || v === edits + 1) {
        const m = await memory();
        peakRss = Math.max(peakRss, m.rss);
        samples.push(m);
      }
    }
    const last = samples.slice(-5);
    const avg = (f: (m: Memory) => number) => Math.round(last.reduce((s, m) => s + f(m), 0) / last.length / MB);
    return {
      bytes: text.length,
      freshRssMb: Math.round(fresh.rssAfterGc / MB),
      freshHeapMb: Math.round(fresh.heapAfterGc / MB),
      steadyRssMb: avg((m) => m.rssAfterGc),
      steadyHeapMb: avg((m) => m.heapAfterGc),
      peakRssMb: Math.round(peakRss / MB),
    };
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  }
}
