/** `lambda-lens rules`: lists every rule with its default severity and description. */
import { RULES } from '../rules/index';
import { EXIT } from './io';
import type { CliIo } from './io';

export async function runRules(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--format=json') || (args.includes('--format') && args[args.indexOf('--format') + 1] === 'json')) {
    io.stdout(`${JSON.stringify(RULES.map((r) => ({ id: r.meta.id, severity: r.meta.severity, description: r.meta.description, fixable: r.meta.fixable, url: r.meta.docs.url })), null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  for (const { meta } of RULES) io.stdout(`${meta.id.padEnd(width)}  ${meta.severity.padEnd(11)}  ${meta.description}\n`);
  return EXIT.ok;
}
