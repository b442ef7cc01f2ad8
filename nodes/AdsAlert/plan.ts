/**
 * Per channel: hold non-critical findings during quiet hours, drop repeats,
 * then group into messages (one digest, or one per finding), most severe first.
 */
import { SEVERITY_RANK, type Finding, type Severity } from './findings/types';
import { headingFor, type MessageContent } from './format/common';
import { withoutRepeats, type SentState } from './dedupe';
import { isQuiet, type QuietWindow } from './quietHours';

export interface AlertSettings {
	digest: boolean;
	/** Findings shown in a digest before "and N more". */
	cap: number;
	periodMs: number;
	dedupe: boolean;
	quiet: QuietWindow[];
}

export interface ChannelPlan {
	messages: MessageContent[];
	/** Findings in those messages (to remember as sent). */
	sent: Finding[];
	heldForQuietHours: number;
	repeatsHeldBack: number;
}

export function bySeverity(findings: Finding[]): Finding[] {
	return findings.map((f, i) => [f, i] as const).sort((a, b) => SEVERITY_RANK[b[0].severity] - SEVERITY_RANK[a[0].severity] || a[1] - b[1]).map(([f]) => f);
}

function worst(findings: Finding[]): Severity {
	return findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');
}

export function planChannel(channel: string, findings: Finding[], state: SentState, settings: AlertSettings, now: Date): ChannelPlan {
	const quiet = settings.quiet.some((w) => w.channel === channel && isQuiet(w, now));
	const awake = quiet ? findings.filter((f) => f.severity === 'critical') : findings;
	const { send, repeats } = settings.dedupe ? withoutRepeats(awake, channel, state, now.getTime(), settings.periodMs) : { send: awake, repeats: [] };
	const ordered = bySeverity(send);
	let messages: MessageContent[];
	if (ordered.length === 0) messages = [];
	else if (settings.digest) {
		const shown = ordered.slice(0, Math.max(1, settings.cap));
		const more = ordered.length - shown.length;
		messages = [{ findings: shown, more, severity: worst(ordered), heading: headingFor(shown, more) }];
	} else {
		messages = ordered.map((f) => ({ findings: [f], more: 0, severity: f.severity, heading: headingFor([f], 0) }));
	}
	// Findings cut by the digest cap are not remembered: they come back, in detail, next run.
	return { messages, sent: messages.flatMap((m) => m.findings), heldForQuietHours: findings.length - awake.length, repeatsHeldBack: repeats.length };
}
