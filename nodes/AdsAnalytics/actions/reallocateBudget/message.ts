/**
 * The Reallocate Budget summary as one human-readable text, ready for Slack,
 * email or an approval message, so a template needs no expression logic.
 */
export interface MessageAllocation {
	entityId: string;
	entityName: string | null;
	currentAmount: number;
	amount: number;
	changePercent: number;
	action: string;
}

export interface MessageInput {
	currency: string;
	totalBudget: number;
	totalSource: 'fixed' | 'current';
	basisLabel: string;
	window: string;
	feasible: boolean;
	problem: string | null;
	allocations: MessageAllocation[];
	skipped: number;
}

const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency}`;

export function reallocationMessage(m: MessageInput): string {
	const moves = m.allocations.filter((a) => a.action === 'setBudget');
	const total = `${money(m.totalBudget, m.currency)}/day (${m.totalSource === 'current' ? "today's total" : 'fixed total'})`;
	const lines = [`Budget reallocation proposal: ${total}, by ${m.basisLabel} over ${m.window}`];
	for (const a of moves) {
		const sign = a.changePercent > 0 ? '+' : '';
		lines.push(`• ${a.entityName ?? a.entityId}: ${money(a.currentAmount, m.currency)} → ${money(a.amount, m.currency)} (${sign}${a.changePercent} %)`);
	}
	if (moves.length === 0) lines.push('No change worth making.');
	if (!m.feasible && m.problem) lines.push(`Not fully allocated: ${m.problem}`);
	if (m.skipped > 0) lines.push(`${m.skipped} skipped (no budget of their own, or another platform)`);
	return lines.join('\n');
}
