/** Pieces every channel's message is built from. */
import type { Finding, Severity } from '../findings/types';

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRITICAL', warning: 'WARNING', info: 'INFO' };
export const SEVERITY_ICON: Record<Severity, string> = { critical: '🔴', warning: '🟠', info: '🔵' };
/** Hex colours for HTML and cards. */
export const SEVERITY_COLOR: Record<Severity, string> = { critical: '#C62828', warning: '#E65100', info: '#1565C0' };

const PLATFORM_NAME: Record<string, string> = { meta: 'Meta', google: 'Google Ads' };

/** "Meta account 1000100 (Acme Shoes)". */
export function accountText(f: Finding): string {
	const platform = PLATFORM_NAME[f.platform] ?? f.platform;
	return `${platform} account ${f.accountId || 'unknown'}${f.accountName ? ` (${f.accountName})` : ''}`;
}

/** What one message (a digest or a single finding) holds. */
export interface MessageContent {
	/** Shown findings, most severe first. */
	findings: Finding[];
	/** Findings left out by the cap ("and N more"). */
	more: number;
	/** The most severe finding's severity. */
	severity: Severity;
	/** Heading, e.g. "AdPilot: 3 findings (1 critical)". */
	heading: string;
}

export function headingFor(findings: Finding[], more: number): string {
	const total = findings.length + more;
	if (total === 1) return `AdPilot ${SEVERITY_LABEL[findings[0].severity].toLowerCase()}: ${findings[0].title}`;
	const counts = (['critical', 'warning', 'info'] as Severity[])
		.map((s) => [s, [...findings].filter((f) => f.severity === s).length] as const)
		.filter(([, n]) => n > 0)
		.map(([s, n]) => `${n} ${s}`);
	return `AdPilot: ${total} findings${counts.length ? ` (${counts.join(', ')}${more > 0 ? ' shown' : ''})` : ''}`;
}

export function moreText(more: number): string {
	return `…and ${more} more finding${more === 1 ? '' : 's'}`;
}
