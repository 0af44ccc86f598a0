import { Button, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, List } from '@mantine/core';
import { IconCalendarWeek, IconLayoutGrid, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../messages';
import { canAdminister, isInternal, useSignedIn } from '../auth/session';
import { AttentionPanel, FollowUpsPanel } from '../engagement/HomePanels';
import { OpenChallengesPanel, ReportsPanel } from '../ideas/HomePanels';
import { GateReviewsPanel, MyProjectsPanel } from '../projects/HomePanels';
import { SpaceCard } from '../spaces/SpaceCard';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.greetingMorning' as const;
  if (hour < 18) return 'home.greetingAfternoon' as const;
  return 'home.greetingEvening' as const;
}

/**
 * "My week": what needs me now (follow-ups, stakeholders needing attention, my projects, gate
 * reviews waiting for my decision, challenges open to me, reports to moderate), then my spaces.
 * External participants see the challenges open to them and their spaces.
 */
export default function HomePage() {
  const { user, spaces } = useSignedIn();
  const internal = isInternal(user.role);
  const active = spaces.filter((s) => !s.archived);
  const firstName = user.display_name.split(/\s+/)[0] ?? user.display_name;

  return (
    <>
      <PageHeader
        title={internal ? t('home.title') : t('home.externalTitle')}
        description={t(greetingKey(new Date().getHours()), { name: firstName })}
      />
      <Stack gap="xl">
        {internal && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <FollowUpsPanel />
            <AttentionPanel />
            <MyProjectsPanel />
            <GateReviewsPanel />
            <OpenChallengesPanel />
            <ReportsPanel />
          </SimpleGrid>
        )}
        {!internal && <OpenChallengesPanel />}
        <section aria-labelledby="my-spaces-heading">
          <Title order={2} fz="lg" mb="sm" id="my-spaces-heading">
            {t('home.mySpaces')}
          </Title>
          {active.length === 0 ? (
            <EmptyState
              icon={<IconLayoutGrid size={24} />}
              title={t('home.noSpacesTitle')}
              action={
                canAdminister(user.role) ? (
                  <Button component={Link} to="/admin/spaces?create=1" leftSection={<IconPlus size={16} />}>
                    {t('home.createSpace')}
                  </Button>
                ) : undefined
              }
            >
              {internal ? t('home.noSpacesBody') : t('home.noSpacesExternal')}
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {active.map((s) => (
                <SpaceCard key={s.id} space={s} />
              ))}
            </SimpleGrid>
          )}
        </section>
        {internal && (
          <section aria-labelledby="coming-heading">
            <Paper withBorder radius="md" p="lg">
              <Stack gap="sm">
                <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
                  <IconCalendarWeek size={22} />
                </ThemeIcon>
                <Title order={2} fz="lg" id="coming-heading">
                  {t('home.comingTitle')}
                </Title>
                <Text fz="sm" c="dimmed">
                  {t('home.comingBody')}
                </Text>
                <List fz="sm" spacing={4}>
                  <List.Item>{t('home.coming.workshops')}</List.Item>
                  <List.Item>{t('home.coming.mentions')}</List.Item>
                </List>
              </Stack>
            </Paper>
          </section>
        )}
      </Stack>
    </>
  );
}
