import { Anchor, Badge, Box, Button, Grid, Group, Paper, Progress, Stack, Text, Title, Typography, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconMoodHappy, IconPencil, IconStairsUp, IconTrash, IconMessagePlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/notify';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { canAdminister, useSignedIn } from '../auth/session';
import {
  driverLabel,
  gatekeeperLabel,
  kindLabel,
  relationLabel,
  resourceLabel,
  sizeLabel,
  typeLabel,
  valueChainLabel,
} from './labels';
import { EmotionModal, LevelModal } from './modals';
import { NeedsSection } from './NeedsSection';
import { EmotionLabel, LevelBadge, TypeIcon } from './parts';
import { deleteStakeholder, useStakeholder } from './queries';
import { Timeline } from './Timeline';
import { VALUE_CHAIN, type Stakeholder } from './types';

function Card({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md" fw={600} id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Nothing({ children }: { children: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** One fact of the header: a small label over its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="xs" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm">
        {children}
      </Box>
    </div>
  );
}

const listReset = { listStyle: 'none', padding: 0, margin: 0 } as const;

function ValueDrivers({ s }: { s: Stakeholder }) {
  const drivers = [...s.value_drivers].sort((a, b) => b.weight - a.weight);
  return (
    <Card id="drivers-heading" title={t('stakeholders.valueDrivers')}>
      {drivers.length === 0 ? (
        <Nothing>{t('stakeholders.detail.noDrivers')}</Nothing>
      ) : (
        <Stack gap="sm" component="ul" style={listReset}>
          {drivers.map((d) => (
            <li key={d.driver}>
              <Group justify="space-between" gap="xs" mb={2}>
                <Text fz="sm" fw={500}>
                  {driverLabel(d.driver)}
                </Text>
                <Text fz="sm" c="dimmed">
                  {t('stakeholders.detail.weight', { weight: d.weight })}
                </Text>
              </Group>
              <Progress value={d.weight} size="md" radius="sm" aria-label={t('stakeholders.detail.weightOf', { driver: driverLabel(d.driver), weight: d.weight })} />
              {d.note && (
                <Text fz="xs" c="dimmed" mt={2}>
                  {d.note}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ResourcesAndChain({ s }: { s: Stakeholder }) {
  return (
    <Card id="resources-heading" title={t('stakeholders.detail.resourcesAndChain')}>
      <Stack gap="md">
        <div>
          <Title order={3} fz="sm" fw={600} mb={6}>
            {t('stakeholders.resources')}
          </Title>
          {s.resources.length === 0 ? (
            <Nothing>{t('stakeholders.detail.noResources')}</Nothing>
          ) : (
            <Stack gap={4} component="ul" style={listReset}>
              {s.resources.map((r, i) => (
                <li key={i}>
                  <Text fz="sm">
                    <Text span fw={500}>
                      {resourceLabel(r.kind)}
                    </Text>
                    {r.note ? ` — ${r.note}` : ''}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Title order={3} fz="sm" fw={600} mb={6}>
            {t('stakeholders.valueChain')}
          </Title>
          {/* The whole chain in order, the stakeholder's steps marked in words and weight, not colour alone. */}
          <Group gap={4} component="ol" style={listReset} aria-label={t('stakeholders.valueChain')}>
            {VALUE_CHAIN.map((step) => {
              const on = s.value_chain.includes(step);
              return (
                <li key={step}>
                  <Badge variant={on ? 'filled' : 'outline'} color={on ? 'brand' : 'gray'} radius="sm" tt="none" fw={on ? 600 : 400}>
                    {valueChainLabel(step)}
                    <VisuallyHidden>{on ? ` (${t('stakeholders.detail.involved')})` : ` (${t('stakeholders.detail.notInvolved')})`}</VisuallyHidden>
                  </Badge>
                </li>
              );
            })}
          </Group>
        </div>
      </Stack>
    </Card>
  );
}

function SidePanel({ s }: { s: Stakeholder }) {
  const spaces = useSpaceOptions();
  const spaceName = (id: number) => spaces.data?.find((o) => o.value === String(id))?.label ?? `#${id}`;
  const person = s.type === 'person';
  return (
    <Stack gap="md">
      {/* Engagement slot: the engagement module will provide a panel here; until then, its two entry points. */}
      <Card id="engagement-heading" title={t('stakeholders.detail.engagement')}>
        <Stack gap="xs">
          <Button component={Link} to={`/engagement/interactions/new?stakeholder_id=${s.id}`} leftSection={<IconMessagePlus size={16} />} variant="light" fullWidth>
            {t('stakeholders.detail.logInteraction')}
          </Button>
          <Button component={Link} to={`/engagement/follow-ups/new?stakeholder_id=${s.id}`} leftSection={<IconChecklist size={16} />} variant="default" fullWidth>
            {t('stakeholders.detail.addFollowUp')}
          </Button>
        </Stack>
      </Card>
      <Card id="details-heading" title={t('stakeholders.detail.details')}>
        <Stack gap={8} component="dl" m={0}>
          {person ? (
            <Fact label={t('stakeholders.email')}>{s.email ? <Anchor href={`mailto:${s.email}`} fz="sm">{s.email}</Anchor> : '—'}</Fact>
          ) : (
            <Fact label={t('stakeholders.domain')}>{s.domain ?? '—'}</Fact>
          )}
          {s.gatekeeper_area && <Fact label={t('stakeholders.gatekeeperArea')}>{gatekeeperLabel(s.gatekeeper_area)}</Fact>}
          <Fact label={t('stakeholders.industry')}>{s.industry || '—'}</Fact>
          <Fact label={t('stakeholders.region')}>{s.region || '—'}</Fact>
          {!person && <Fact label={t('stakeholders.size')}>{s.size ? sizeLabel(s.size) : '—'}</Fact>}
          <Fact label={t('stakeholders.tags')}>
            {s.tags.length === 0 ? (
              '—'
            ) : (
              <Group gap={4} mt={2}>
                {s.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" tt="none" component={Link} to={`/stakeholders?tag=${encodeURIComponent(tag)}`} style={{ cursor: 'pointer' }}>
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
          <Fact label={t('stakeholders.links')}>
            {s.links.length === 0 ? (
              '—'
            ) : (
              <Stack gap={2} component="ul" style={listReset}>
                {s.links.map((l, i) => (
                  <li key={i}>
                    <Anchor href={l.url} target="_blank" rel="noopener noreferrer" fz="sm">
                      {l.label}
                    </Anchor>
                  </li>
                ))}
              </Stack>
            )}
          </Fact>
          <Fact label={t('stakeholders.spaces')}>{s.space_ids.length === 0 ? t('stakeholders.detail.notShared') : s.space_ids.map(spaceName).join(', ')}</Fact>
        </Stack>
      </Card>
      <Card id="affiliations-heading" title={person ? t('stakeholders.detail.organisations') : t('stakeholders.detail.people')}>
        {s.affiliations.length === 0 ? (
          <Nothing>{person ? t('stakeholders.form.noOrganisations') : t('stakeholders.form.noPeople')}</Nothing>
        ) : (
          <Stack gap={6} component="ul" style={listReset}>
            {s.affiliations.map((a) => {
              const otherId = person ? a.organisation_id : a.person_id;
              const otherName = person ? a.organisation_name : a.person_name;
              return (
                <li key={otherId}>
                  <Group gap={6} wrap="nowrap">
                    <TypeIcon type={person ? 'organisation' : 'person'} size={14} />
                    <Anchor component={Link} to={`/stakeholders/${otherId}`} fz="sm">
                      {otherName}
                    </Anchor>
                  </Group>
                  {(a.title || a.role) && (
                    <Text fz="xs" c="dimmed" ml={20}>
                      {[a.title, a.role].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </li>
              );
            })}
          </Stack>
        )}
      </Card>
      <Card id="relations-heading" title={t('stakeholders.relations')}>
        {s.relations.length === 0 ? (
          <Nothing>{t('stakeholders.form.noRelations')}</Nothing>
        ) : (
          <Stack gap={6} component="ul" style={listReset}>
            {s.relations.map((r) => {
              const outgoing = r.from_id === s.id;
              return (
                <li key={r.id}>
                  <Text fz="sm">
                    {outgoing ? (
                      <>
                        {t('stakeholders.detail.relationOut', { kind: relationLabel(r.kind) })}{' '}
                        <Anchor component={Link} to={`/stakeholders/${r.to_id}`} fz="sm">
                          {r.to_name}
                        </Anchor>
                      </>
                    ) : (
                      <>
                        <Anchor component={Link} to={`/stakeholders/${r.from_id}`} fz="sm">
                          {r.from_name}
                        </Anchor>{' '}
                        {t('stakeholders.detail.relationIn', { kind: relationLabel(r.kind) })}
                      </>
                    )}
                  </Text>
                </li>
              );
            })}
          </Stack>
        )}
      </Card>
      <Card id="team-heading" title={t('stakeholders.team')}>
        {s.team.length === 0 ? (
          <Nothing>{t('stakeholders.form.noTeam')}</Nothing>
        ) : (
          <Stack gap={4} component="ul" style={listReset}>
            {s.team.map((m) => (
              <li key={m.user_id}>
                <Text fz="sm">
                  <Text span fw={500}>
                    {m.display_name}
                  </Text>
                  {m.role ? ` — ${m.role}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function StakeholderView({ s }: { s: Stakeholder }) {
  const me = useSignedIn();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [levelOpen, level] = useDisclosure(false);
  const [emotionOpen, emotion] = useDisclosure(false);
  const mayDelete = canAdminister(me.user.role) || s.owner?.id === me.user.id;
  const remove = async () => {
    try {
      await deleteStakeholder(s.id);
      notifySuccess(t('stakeholders.detail.deleted', { name: s.name }));
      client.removeQueries({ queryKey: ['stakeholders', 'detail', s.id] });
      await client.invalidateQueries({ queryKey: ['stakeholders', 'list'] });
      navigate('/stakeholders');
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <>
      <PageHeader
        title={s.name}
        crumbs={[{ label: t('stakeholders.title'), to: '/stakeholders' }]}
        actions={
          <>
            <Button component={Link} to={`/stakeholders/${s.id}/edit`} leftSection={<IconPencil size={16} />}>
              {t('common.edit')}
            </Button>
            <Button variant="default" leftSection={<IconStairsUp size={16} />} onClick={level.open}>
              {t('stakeholders.detail.changeLevel')}
            </Button>
            <Button variant="default" leftSection={<IconMoodHappy size={16} />} onClick={emotion.open}>
              {t('stakeholders.detail.recordEmotion')}
            </Button>
            {mayDelete && (
              <ConfirmButton
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                question={t('stakeholders.detail.deleteQuestion', { name: s.name })}
                detail={t('stakeholders.detail.deleteDetail')}
                confirmLabel={t('stakeholders.delete')}
                onConfirm={remove}
              >
                {t('stakeholders.delete')}
              </ConfirmButton>
            )}
          </>
        }
      />
      {levelOpen && <LevelModal stakeholder={s} opened onClose={level.close} />}
      {emotionOpen && <EmotionModal stakeholder={s} opened onClose={emotion.close} />}
      <Paper withBorder radius="md" p="md" mb="md">
        <Group component="dl" gap="xl" m={0} align="flex-start" wrap="wrap" aria-label={t('stakeholders.detail.keyFacts')}>
          <Fact label={t('stakeholders.type')}>
            <Group gap={4} wrap="nowrap">
              <TypeIcon type={s.type} size={14} />
              {typeLabel(s.type)}
              {s.internal && (
                <Badge size="xs" variant="outline" color="gray" ml={4}>
                  {t('stakeholders.internal')}
                </Badge>
              )}
            </Group>
          </Fact>
          <Fact label={t('stakeholders.kind')}>{kindLabel(s.kind)}</Fact>
          <Fact label={t('stakeholders.level')}>
            <Group gap={6} wrap="nowrap">
              <LevelBadge level={s.level} />
              {s.level_changed_at && (
                <Text fz="xs" c="dimmed">
                  <RelativeTime iso={s.level_changed_at} />
                </Text>
              )}
            </Group>
          </Fact>
          <Fact label={t('stakeholders.emotion')}>
            <EmotionLabel emotion={s.emotion} fallback={t('stakeholders.detail.noEmotion')} />
          </Fact>
          <Fact label={t('stakeholders.owner')}>{s.owner?.display_name ?? t('stakeholders.detail.noOwner')}</Fact>
          <Fact label={t('stakeholders.lastContact')}>
            <RelativeTime iso={s.last_contact_at} fallback={t('stakeholders.never')} />
          </Fact>
        </Group>
      </Paper>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ValueDrivers s={s} />
            <ResourcesAndChain s={s} />
            <NeedsSection stakeholderId={s.id} />
            <Card id="notes-heading" title={t('stakeholders.notes')}>
              {s.notes_html ? (
                <Typography fz="sm" p={0}>
                  {/* Sanitized by the server (cmark-gfm safe mode). */}
                  <div dangerouslySetInnerHTML={{ __html: s.notes_html }} />
                </Typography>
              ) : (
                <Nothing>{t('stakeholders.detail.noNotes')}</Nothing>
              )}
            </Card>
            <Timeline stakeholderId={s.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SidePanel s={s} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** /stakeholders/:id */
export default function StakeholderPage() {
  const { id } = useParams();
  const stakeholder = useStakeholder(Number(id));
  if (!/^\d+$/.test(id ?? '')) return <NotFound />;
  if (stakeholder.isPending) return <PageSkeleton />;
  if (stakeholder.isError) return <QueryError error={stakeholder.error} retry={() => stakeholder.refetch()} />;
  return <StakeholderView s={stakeholder.data} />;
}
