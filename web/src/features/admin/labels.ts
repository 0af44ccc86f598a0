import type { Capability, InvitationStatus, OrganisationKind, Role } from '../../api/types';
import { t, type MessageKey } from '../../messages';

// Keys are spelled out so that a missing message is a compile error.
const roleKeys: Record<Role, MessageKey> = {
  admin: 'role.admin',
  innovation_manager: 'role.innovation_manager',
  member: 'role.member',
  external: 'role.external',
};
const capabilityKeys: Record<Capability, MessageKey> = {
  sales: 'capability.sales',
  facilitator: 'capability.facilitator',
  listening_analyst: 'capability.listening_analyst',
  executive: 'capability.executive',
};
const organisationKindKeys: Record<OrganisationKind, MessageKey> = {
  own: 'organisationKind.own',
  customer: 'organisationKind.customer',
  partner: 'organisationKind.partner',
  supplier: 'organisationKind.supplier',
  regulator: 'organisationKind.regulator',
  ngo: 'organisationKind.ngo',
  academia: 'organisationKind.academia',
  other: 'organisationKind.other',
};
const invitationStatusKeys: Record<InvitationStatus, MessageKey> = {
  pending: 'invitationStatus.pending',
  accepted: 'invitationStatus.accepted',
  revoked: 'invitationStatus.revoked',
  expired: 'invitationStatus.expired',
};

export const roleLabel = (r: Role) => t(roleKeys[r]);
export const capabilityLabel = (c: Capability) => t(capabilityKeys[c]);
export const organisationKindLabel = (k: OrganisationKind) => t(organisationKindKeys[k]);
export const invitationStatusLabel = (s: InvitationStatus) => t(invitationStatusKeys[s]);

export const invitationStatusColor: Record<InvitationStatus, string> = {
  pending: 'blue',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'orange',
};
