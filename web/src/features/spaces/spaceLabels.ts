import type { SpaceKind, SpaceRole } from '../../api/types';
import { t } from '../../messages';

export function spaceKindLabel(kind: SpaceKind): string {
  switch (kind) {
    case 'community':
      return t('space.kind.community');
    case 'project_room':
      return t('space.kind.project_room');
    case 'challenge_area':
      return t('space.kind.challenge_area');
  }
}

export function spaceRoleLabel(role: SpaceRole): string {
  switch (role) {
    case 'owner':
      return t('space.role.owner');
    case 'moderator':
      return t('space.role.moderator');
    case 'member':
      return t('space.role.member');
    case 'guest':
      return t('space.role.guest');
  }
}
