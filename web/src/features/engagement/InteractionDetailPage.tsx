import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Typography } from '@mantine/core';
import { IconChecklist, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { DateTime } from '../../components/Time';
import { NotFound } from '../../components/NotFound';
import { t } from '../../messages';
import {
  durationLabel,
  emotionLabel,
  interactionModeLabel,
  interactionStatusColor,
  interactionStatusLabel,
  interactionTypeLabel,
  interestColor,
  interestLabel,
  parseId,
} from './labels';
import { deleteInteraction, useInteraction, useInvalidateEngagement } from './queries';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** /engagement/interactions/:id — what happened, with whom, and how each stakeholder responded. */
export default function InteractionDetailPage() {
  const id = parseId(useParams().id);
  const navigate = useNavigate();
  const query = useInteraction(id);
  const invalidate = useInvalidateEngagement();
  if (id === undefined) return <NotFound />;
  if (query.isPending) return <CardSkeleton lines={8} />;
  if (query.isError) return <QueryError error={query.error} retry={() => query.refetch()} />;
  const i = query.data;
  const firstStakeholder = i.stakeholders[0]?.stakeholder_id;
  const followUpLink = `/engagement/follow-ups/new?interaction_id=${i.id}${firstStakeholder ? `&stakeholder_id=${firstStakeholder}` : ''}`;

  return (
    <>
      <PageHeader
        title={i.title}
        crumbs={[
          { label: t('engagement.title'), to: '/engagement' },
          { label: t('engagement.tab.interactions'), to: '/engagement/interactions' },
        ]}
        actions={
          <>
            <Button component={Link} to={followUpLink} variant="default" leftSection={<IconChecklist size={16} />}>
              {t('engagement.followUp.add')}
            </Button>
            <Button component={Link} to={`/engagement/interactions/${i.id}/edit`} leftSection={<IconPencil size={16} />}>
              {t('common.edit')}
            </Button>
            <ConfirmButton
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              question={t('engagement.interaction.deleteQuestion')}
              detail={t('engagement.interaction.deleteDetail')}
              confirmLabel={t('engagement.delete')}
              onConfirm={async () => {
                try {
                  await deleteInteraction(i.id);
                  await invalidate();
                  notifySuccess(t('engagement.interaction.deleted'));
                  navigate('/engagement/interactions', { replace: true });
                } catch (error) {
                  notifyError(error);
                }
              }}
            >
              {t('engagement.delete')}
            </ConfirmButton>
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
            <Fact label={t('engagement.interaction.when')}>
              <DateTime iso={i.occurred_at} />
            </Fact>
            <Fact label={t('engagement.interaction.type')}>{interactionTypeLabel(i.type)}</Fact>
            <Fact label={t('engagement.interaction.mode')}>{interactionModeLabel(i.mode)}</Fact>
            <Fact label={t('engagement.interaction.status')}>
              <Badge variant="light" color={interactionStatusColor[i.status]}>
                {interactionStatusLabel(i.status)}
              </Badge>
            </Fact>
            <Fact label={t('engagement.interaction.duration')}>{durationLabel(i.duration_minutes)}</Fact>
            <Fact label={t('engagement.interaction.participants')}>
              {i.participants.map((p) => p.display_name).join(', ') || '—'}
            </Fact>
          </SimpleGrid>
        </Paper>

        <section aria-labelledby="interaction-stakeholders">
          <Title order={2} fz="lg" mb="sm" id="interaction-stakeholders">
            {t('engagement.interaction.stakeholders')}
          </Title>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={560}>
              <Table aria-labelledby="interaction-stakeholders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('engagement.stakeholder')}</Table.Th>
                    <Table.Th>{t('engagement.interest')}</Table.Th>
                    <Table.Th>{t('engagement.emotion')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {i.stakeholders.map((s) => (
                    <Table.Tr key={s.stakeholder_id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/stakeholders/${s.stakeholder_id}`} fz="sm" fw={500}>
                          {s.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {s.interest ? (
                          <Group gap={6}>
                            <Badge variant="light" color={interestColor[s.interest]}>
                              {interestLabel(s.interest)}
                            </Badge>
                            {s.interest_topic && <Text fz="sm">{s.interest_topic}</Text>}
                          </Group>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{emotionLabel(s.valence, s.intensity) ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </section>

        <section aria-labelledby="interaction-summary">
          <Title order={2} fz="lg" mb="sm" id="interaction-summary">
            {t('engagement.interaction.summary')}
          </Title>
          <Paper withBorder radius="md" p="md">
            {i.summary_html ? (
              <Typography>
                {/* Sanitized by the server (cmark-gfm safe mode). */}
                <div dangerouslySetInnerHTML={{ __html: i.summary_html }} />
              </Typography>
            ) : (
              <Text c="dimmed" fz="sm">
                {t('engagement.interaction.noSummary')}
              </Text>
            )}
          </Paper>
        </section>

        {i.outcome && (
          <section aria-labelledby="interaction-outcome">
            <Title order={2} fz="lg" mb="sm" id="interaction-outcome">
              {t('engagement.interaction.outcome')}
            </Title>
            <Paper withBorder radius="md" p="md">
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.outcome}
              </Text>
            </Paper>
          </section>
        )}
        <Text fz="xs" c="dimmed">
          {t('engagement.interaction.loggedBy', { name: i.created_by?.display_name ?? '—' })} · <DateTime iso={i.created_at} />
        </Text>
      </Stack>
    </>
  );
}
