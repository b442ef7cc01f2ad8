import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { AdsRules } from '../../nodes/AdsRules/AdsRules.node';

// With presets only, the Rules list reads "Currently no items exist": the panel
// says above it which presets are on, by n8n's own display rules.
const { properties } = new AdsRules().description;
const notices = properties.filter((p) => p.type === 'notice' && p.name.startsWith('presetOn_'));

function shownNotices(presets: string[]): string[] {
	const values = { rulesSource: 'ui', rules: {}, presets };
	return notices.filter((notice: INodeProperties) => NodeHelpers.displayParameter(values, notice, null, null)).map((notice) => notice.displayName);
}

describe('Ads Rules panel: which presets are on', () => {
	it('has one notice per preset option', () => {
		const presetOptions = (properties.find((p) => p.name === 'presets')!.options ?? []) as Array<{ name: string; value: string }>;
		expect(notices.map((n) => n.name)).toEqual(presetOptions.map((o) => `presetOn_${o.value}`));
	});

	it('shows exactly the presets that are on', () => {
		expect(shownNotices([])).toEqual([]);
		const shown = shownNotices(['lowCtr', 'scaleWinners']);
		expect(shown).toHaveLength(2);
		expect(shown[0]).toMatch(/^Preset on: Pause When CTR Is Low/);
		expect(shown[1]).toMatch(/^Preset on: Raise Budget of Winners/);
	});

	it('come before the rules list, so they are read first', () => {
		const names = properties.map((p) => p.name);
		for (const notice of notices) expect(names.indexOf(notice.name)).toBeLessThan(names.indexOf('rules'));
	});
});
