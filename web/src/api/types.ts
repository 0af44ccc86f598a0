// Domain types derived from the generated OpenAPI types by route, so they follow the contract
// without depending on how the schema names its components.
import type { paths } from './schema';

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;
type Success<R> = R extends { 200: infer S } ? JsonBody<S> : R extends { 201: infer S } ? JsonBody<S> : never;
/** The JSON body of the success answer of `M P`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = Success<Responses<P, M>>;
/** The JSON request body of `M P`. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonBody<NonNullable<B>>
  : never;
type Item<L> = L extends { items: (infer I)[] } ? I : never;

export type MeAnswer = Answer<'/api/v1/me', 'get'>;
export type User = Answer<'/api/v1/users/{id}', 'get'>;
export type Space = Answer<'/api/v1/spaces/{id}', 'get'>;
export type Organisation = Answer<'/api/v1/organisations/{id}', 'get'>;
export type Session = Item<Answer<'/api/v1/me/sessions', 'get'>>;
export type ApiToken = Item<Answer<'/api/v1/me/tokens', 'get'>>;
export type CreatedApiToken = Answer<'/api/v1/me/tokens', 'post'>;
export type Member = Item<Answer<'/api/v1/spaces/{id}/members', 'get'>>;
export type Invitation = Item<Answer<'/api/v1/invitations', 'get'>>;
export type InvitationWithLink = Answer<'/api/v1/spaces/{id}/invitations', 'post'>;
export type InvitationLookup = Answer<'/api/v1/invitations/lookup', 'post'>;
export type AuditEvent = Item<Answer<'/api/v1/events', 'get'>>;

export type Role = User['role'];
export type Capability = User['capabilities'][number];
export type SpaceKind = Space['kind'];
export type SpaceRole = Member['space_role'];
export type OrganisationKind = Organisation['kind'];
export type InvitationStatus = Invitation['status'];
export type TokenScope = ApiToken['scopes'][number];

export const ROLES = ['admin', 'innovation_manager', 'member', 'external'] as const satisfies readonly Role[];
export const INTERNAL_ROLES = ['admin', 'innovation_manager', 'member'] as const satisfies readonly Role[];
export const CAPABILITIES = ['sales', 'facilitator', 'listening_analyst', 'executive'] as const satisfies readonly Capability[];
export const SPACE_KINDS = ['community', 'project_room', 'challenge_area'] as const satisfies readonly SpaceKind[];
export const SPACE_ROLES = ['owner', 'moderator', 'member', 'guest'] as const satisfies readonly SpaceRole[];
export const ORGANISATION_KINDS = [
  'own',
  'customer',
  'partner',
  'supplier',
  'regulator',
  'ngo',
  'academia',
  'other',
] as const satisfies readonly OrganisationKind[];
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const satisfies readonly InvitationStatus[];
export const TOKEN_SCOPES = ['read', 'write'] as const satisfies readonly TokenScope[];

/** A page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}
