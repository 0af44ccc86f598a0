// Shapes of the engagement API (docs/api-stakeholders.md), from the generated OpenAPI types.
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export const INTERACTION_TYPES = ['call', 'video_call', 'meeting', 'visit', 'workshop', 'email', 'event', 'other'] as const satisfies readonly Schemas['InteractionType'][];
export const INTERACTION_MODES = ['remote', 'in_person'] as const satisfies readonly Schemas['InteractionMode'][];
export const INTERACTION_STATUSES = ['planned', 'held', 'cancelled'] as const satisfies readonly Schemas['InteractionStatus'][];
export const INTERESTS = ['none', 'curious', 'interested', 'committed'] as const satisfies readonly Schemas['Interest'][];
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const satisfies readonly Schemas['FollowUpStatus'][];
export const CADENCE_INTERVALS = ['weekly', 'biweekly', 'monthly', 'quarterly', 'custom'] as const satisfies readonly Schemas['CadenceInterval'][];
export const EXPECTATION_DIRECTIONS = ['we_promised', 'they_expect'] as const satisfies readonly Schemas['ExpectationDirection'][];
export const EXPECTATION_STATUSES = ['open', 'met', 'missed', 'dropped'] as const satisfies readonly Schemas['ExpectationStatus'][];
export const VALENCES = [-2, -1, 0, 1, 2] as const;
export const INTENSITIES = [0, 1, 2, 3] as const;

export type InteractionType = Schemas['InteractionType'];
export type InteractionMode = Schemas['InteractionMode'];
export type InteractionStatus = Schemas['InteractionStatus'];
export type Interest = Schemas['Interest'];
export type FollowUpStatus = Schemas['FollowUpStatus'];
export type CadenceInterval = Schemas['CadenceInterval'];
export type ExpectationDirection = Schemas['ExpectationDirection'];
export type ExpectationStatus = Schemas['ExpectationStatus'];

export type UserRef = Schemas['UserBrief'];
export type StakeholderRef = Schemas['StakeholderBrief'];
export type InteractionStakeholder = Schemas['InteractionStakeholder'];
export type Interaction = Schemas['Interaction'];
export type InteractionWrite = Schemas['InteractionCreate'];
export type FollowUp = Schemas['FollowUp'];
export type FollowUpWrite = Schemas['FollowUpUpdate'];
export type Cadence = Schemas['Cadence'];
export type CadenceWrite = Schemas['CadenceUpdate'] & { stakeholder_id?: number };
export type Expectation = Schemas['Expectation'];
export type ExpectationWrite = Schemas['ExpectationUpdate'] & { stakeholder_id?: number };
export type CapacityPerson = Schemas['CapacityPerson'];
export type CapacityTeam = Schemas['CapacityTeam'];
export type Capacity = Schemas['Capacity'];
/** A stakeholder as lists show it. */
export type StakeholderItem = Schemas['StakeholderListItem'];
export type Attention = Schemas['Attention'];
