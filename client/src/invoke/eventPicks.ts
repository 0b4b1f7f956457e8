/**
 * The event choices of the invoke flow, in the order a developer wants them: saved events of the
 * function, recently used event types, the types its template wires it to, then the whole catalogue
 * grouped by service. Plain data; the flow turns it into a quick pick.
 */
import { EVENTS } from '../../../server/src/events/catalogue';
import type { SuggestedEvent } from '../../../server/src/events/context';

/** One choice, or a group heading. */
export type EventChoice =
  | { kind: 'separator'; label: string }
  | { kind: 'saved'; label: string; name: string; description: string }
  | { kind: 'catalogue'; label: string; eventId: string; description: string }
  | { kind: 'empty'; label: string; description: string };

/** How many recently used event types are kept. */
export const RECENT_MAX = 5;

/** The recent list after using `eventId` (most recent first, no duplicates, at most RECENT_MAX). */
export function pushRecent(recent: readonly string[], eventId: string): string[] {
  return [eventId, ...recent.filter((r) => r !== eventId)].slice(0, RECENT_MAX);
}

/** Builds the choices; unknown ids in `recent` (from an older catalogue) are skipped. */
export function eventChoices(saved: readonly string[], recent: readonly string[], suggested: readonly SuggestedEvent[]): EventChoice[] {
  const byId = new Map(EVENTS.map((e) => [e.id, e]));
  const out: EventChoice[] = [];
  if (saved.length) {
    out.push({ kind: 'separator', label: 'Saved events' });
    for (const name of saved) out.push({ kind: 'saved', label: name, name, description: 'saved in .lambda-lens/events' });
  }
  const recentKnown = recent.filter((id) => byId.has(id));
  if (recentKnown.length) {
    out.push({ kind: 'separator', label: 'Recently used' });
    for (const id of recentKnown) out.push({ kind: 'catalogue', label: byId.get(id)!.title, eventId: id, description: id });
  }
  const fromTemplate = suggested.filter((s) => byId.has(s.eventId));
  if (fromTemplate.length) {
    out.push({ kind: 'separator', label: 'From the template' });
    for (const s of fromTemplate) out.push({ kind: 'catalogue', label: byId.get(s.eventId)!.title, eventId: s.eventId, description: `${s.eventId} · event ${s.source}` });
  }
  out.push({ kind: 'separator', label: 'Other' }, { kind: 'empty', label: 'Empty payload', description: '{}' });
  const services = [...new Set(EVENTS.map((e) => e.service))].sort();
  for (const service of services) {
    out.push({ kind: 'separator', label: service });
    for (const e of EVENTS.filter((x) => x.service === service)) out.push({ kind: 'catalogue', label: e.title, eventId: e.id, description: e.id });
  }
  return out;
}
