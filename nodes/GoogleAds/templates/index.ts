export * from './types';
export { validateCampaignTemplate, countTemplateOperations, MAX_TEMPLATE_OPERATIONS } from './validate';
export { buildTemplateOperations, type PlannedCreate, type TemplateOperations } from './build';
export { templateOutput } from './output';
