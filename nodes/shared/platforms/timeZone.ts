/**
 * Wall-clock times in a named time zone → epoch ms. Google's change_event
 * reports times in the account's zone, without an offset.
 */

/** How far `timeZone` is ahead of UTC at the instant `utcMs` (ms; negative west of Greenwich). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]' in `timeZone` → epoch ms; NaN when unreadable. Unknown zones read as UTC. */
export function wallTimeToEpoch(text: string, timeZone: string | undefined): number {
	const naive = Date.parse(`${text.trim().replace(' ', 'T').slice(0, 23)}Z`);
	if (Number.isNaN(naive) || !timeZone) return naive;
	try {
		const first = naive - zoneOffsetMs(timeZone, naive);
		return naive - zoneOffsetMs(timeZone, first);
	} catch {
		return naive;
	}
}

/** Epoch ms → 'YYYY-MM-DD HH:MM:SS' on the wall clock of `timeZone` (UTC when unknown). */
export function epochToWallTime(ms: number, timeZone: string | undefined): string {
	let offset = 0;
	try {
		offset = timeZone ? zoneOffsetMs(timeZone, ms) : 0;
	} catch {
		offset = 0;
	}
	return new Date(ms + offset).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
}
