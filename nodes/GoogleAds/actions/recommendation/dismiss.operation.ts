import { recommendationAction } from './act';

export const { description, executeBatch } = recommendationAction('dismiss');
