import { fromGoogleMicros, fromMetaMinorUnits, metaMinorUnitFactor, toGoogleMicros, toMetaMinorUnits } from '../../nodes/shared/money';

describe('money at the platform edges', () => {
	it('converts Meta budgets to and from minor units, with offset-1 currencies', () => {
		expect(toMetaMinorUnits(50, 'EUR')).toBe(5000);
		expect(toMetaMinorUnits(19.995, 'USD')).toBe(2000);
		expect(toMetaMinorUnits(5000, 'JPY')).toBe(5000);
		expect(metaMinorUnitFactor('krw')).toBe(1);
		expect(fromMetaMinorUnits('12345', 'EUR')).toBe(123.45);
		expect(fromMetaMinorUnits(700, 'JPY')).toBe(700);
	});

	it('converts Google micros, rounding to whole cents as budgets require', () => {
		expect(toGoogleMicros(50)).toBe(50_000_000);
		expect(toGoogleMicros(12.345)).toBe(12_350_000);
		expect(fromGoogleMicros('1234560000')).toBe(1234.56);
	});
});
