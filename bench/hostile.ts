/**
 * The hostile documents of the robustness tests, timed through the language server as an editor
 * drives it: open, then one keystroke, until the diagnostics of each arrive (debounce included).
 */
import { aliasHeavyYaml, hostileTemplates, largeJsonTemplate, packageLock } from '../test/support/hostile';
import { startServer } from '../test/support/lspClient';

export async function benchHostile(): Promise<Record<string, unknown>> {
  const cases = [
    ...hostileTemplates().map((c) => ({ name: c.file, text: c.text, at: { line: 0, character: 1 } })),
    { name: 'package-lock.json (9 MB)', text: packageLock(9_000_000), at: { line: 0, character: 1 } },
    { name: 'ci.yaml (20,000 aliases)', text: aliasHeavyYaml(20_000), at: { line: 0, character: 1 } },
  ];
  const big = largeJsonTemplate(3_900_000);
  cases.push({ name: 'template.json (3.9 MB)', text: big, at: { line: big.split('\n').findIndex((l) => l.includes('"MemorySize": 512')), character: 2 } });
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    const server = await startServer();
    try {
      const uri = `untitled:${c.name.split(' ')[0]}`;
      let started = performance.now();
      const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
      server.open(uri, c.text);
      await opened;
      const openMs = Math.round(performance.now() - started);
      started = performance.now();
      const typed = server.nextDiagnostics(uri, (p) => p.version === 2, 120_000);
      server.change(uri, 2, [{ range: { start: c.at, end: c.at }, text: ' ' }]);
      await typed;
      out[c.name] = { bytes: c.text.length, openMs, keystrokeMs: Math.round(performance.now() - started) };
    } finally {
      await server.stop();
    }
  }
  return out;
}
