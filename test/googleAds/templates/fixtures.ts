/** A valid template: one ad group, one RSA, keywords and negatives. */
export function validTemplate(): Record<string, unknown> {
	return {
		name: 'Acme | Search',
		budget: { amount: 25.5 },
		bidding: { strategy: 'MANUAL_CPC' },
		negativeKeywords: ['free', { text: 'jobs', matchType: 'exact' }],
		locations: [2840],
		languages: ['1000'],
		adGroups: [
			{
				name: 'Shoes',
				cpcBid: 0.85,
				keywords: [{ text: 'acme shoes', matchType: 'EXACT', cpcBid: 1.2 }, 'running shoes'],
				negativeKeywords: ['cheap'],
				ads: [
					{
						finalUrl: 'https://acme.example/shoes',
						headlines: ['Acme Shoes', 'Run Further', { text: 'Free Returns', pinnedField: 'HEADLINE_1' }],
						descriptions: ['Shoes built for long runs.', 'Order today, free returns for 60 days.'],
						path1: 'shoes',
						path2: 'running',
					},
				],
			},
		],
	};
}
