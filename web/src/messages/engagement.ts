// Strings of the engagement module (web/src/features/engagement), merged into `en`.
export const engagementMessages = {
  'engagement.title': 'Engagement',
} as const satisfies Record<string, string>;
