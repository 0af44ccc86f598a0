import { Badge, Card, Group, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Space } from '../../api/types';
import { tp } from '../../messages';
import classes from './SpaceCard.module.css';
import { spaceKindLabel, spaceRoleLabel } from './spaceLabels';

/** A space as a card that links to its page. */
export function SpaceCard({ space }: { space: Space }) {
  return (
    <Card withBorder radius="md" padding="lg" component={Link} to={`/spaces/${space.id}`} className={classes.card}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Text fw={600} lineClamp={2}>
          {space.name}
        </Text>
        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
          {spaceKindLabel(space.kind)}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" lineClamp={2} mih={40}>
        {space.description}
      </Text>
      <Group gap="xs" mt="md" fz="sm" c="dimmed">
        <IconUsers size={16} aria-hidden />
        <Text fz="sm" c="dimmed">
          {tp('space.memberCount', space.member_count)}
        </Text>
        {space.my_role && (
          <Badge variant="outline" size="sm" ml="auto">
            {spaceRoleLabel(space.my_role)}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
