// Strings of the stakeholders module (web/src/features/stakeholders), merged into `en`.
export const stakeholdersMessages = {
  'stakeholders.title': 'Stakeholders',
} as const satisfies Record<string, string>;
