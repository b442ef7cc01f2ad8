/**
 * Meta retries a delivery it thinks failed (a slow answer counts), so the same
 * change can arrive several times. The keys of recently emitted changes live
 * in the workflow's static data, which n8n stores with the workflow in its
 * database after each production webhook call (only if the node answers
 * before n8n starts the run: see webhook.ts), so every webhook process of a
 * queue-mode setup sees them. Two retries that arrive at the same instant on
 * two different webhook processes can both pass: n8n offers no lock, and we
 * prefer that rare double over losing an event. A run of the workflow that
 * changes static data while a delivery is received may also write back a
 * window without it (last writer wins); README, Running at scale.
 */
import type { IDataObject } from 'n8n-workflow';

/** Keys kept at most, oldest dropped first, so static data stays small. */
export const MAX_REMEMBERED = 5000;

interface SeenStore extends IDataObject {
	seen?: Record<string, number>;
}

/**
 * Returns the events not seen within `windowMs` of `now`, and remembers them.
 * Mutates `staticData` (n8n saves it when it changed).
 */
export function dropDuplicates<T extends { dedupeKey: string }>(staticData: IDataObject, events: T[], now: number, windowMs: number): { fresh: T[]; duplicates: number } {
	const store = staticData as SeenStore;
	const seen: Record<string, number> = {};
	for (const [key, at] of Object.entries(store.seen ?? {})) if (now - at < windowMs) seen[key] = at;
	const fresh: T[] = [];
	let duplicates = 0;
	for (const event of events) {
		if (seen[event.dedupeKey] !== undefined) {
			duplicates++;
			continue;
		}
		seen[event.dedupeKey] = now;
		fresh.push(event);
	}
	const keys = Object.keys(seen);
	if (keys.length > MAX_REMEMBERED) {
		keys.sort((a, b) => seen[a] - seen[b]);
		for (const key of keys.slice(0, keys.length - MAX_REMEMBERED)) delete seen[key];
	}
	store.seen = seen;
	return { fresh, duplicates };
}
