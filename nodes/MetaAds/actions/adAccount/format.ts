import type { IDataObject } from 'n8n-workflow';

import { fromMetaMinorUnits } from '../../../shared/money';

/** Fields we ask Meta for, for both Get and Get Many. */
export const AD_ACCOUNT_FIELDS = 'id,account_id,name,currency,timezone_name,account_status,spend_cap,amount_spent,business';

// Meta's numeric account_status, as documented for the AdAccount object.
const STATUS: Record<number, string> = {
	1: 'ACTIVE',
	2: 'DISABLED',
	3: 'UNSETTLED',
	7: 'PENDING_RISK_REVIEW',
	8: 'PENDING_SETTLEMENT',
	9: 'IN_GRACE_PERIOD',
	100: 'PENDING_CLOSURE',
	101: 'CLOSED',
	201: 'ANY_ACTIVE',
	202: 'ANY_CLOSED',
};

export function accountStatusName(code: unknown): string {
	return STATUS[Number(code)] ?? 'UNKNOWN';
}

function money(value: unknown, currency: string): number | null {
	if (value === undefined || value === null || value === '' || !currency) return null;
	const amount = fromMetaMinorUnits(value as string | number, currency);
	return Number.isFinite(amount) ? amount : null;
}

/**
 * One ad account as an AdPilot item. Amounts are in MAJOR units of
 * `currency` (Meta sends minor units); a spend cap of 0 means "no cap" and
 * becomes null.
 */
export function formatAdAccount(raw: IDataObject): IDataObject {
	const currency = String(raw.currency ?? '').toUpperCase();
	const spendCap = money(raw.spend_cap, currency);
	const business = raw.business as IDataObject | undefined;
	return {
		id: raw.id ?? (raw.account_id ? `act_${String(raw.account_id)}` : null),
		accountId: raw.account_id ?? null,
		name: raw.name ?? null,
		currency: currency || null,
		timezoneName: raw.timezone_name ?? null,
		accountStatus: raw.account_status ?? null,
		status: accountStatusName(raw.account_status),
		spendCap: spendCap === 0 ? null : spendCap,
		amountSpent: money(raw.amount_spent, currency),
		moneyUnit: 'major',
		business: business ? { id: business.id ?? null, name: business.name ?? null } : null,
	};
}
