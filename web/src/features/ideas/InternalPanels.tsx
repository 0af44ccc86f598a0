// Internal-only panels of the idea page: stakeholder interest and internal reviews. They are
// shown only when the API answered with them (the internal view of an idea); external
// participants never get the data, so nothing here can show for them.
import { Badge, Button, Group, List, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { DateTime } from '../../components/Time';
import { t, tp } from '../../messages';
import { StakeholderSelect } from '../engagement/pickers';
import { formatDay, interestLevelLabel, parseId, todayUtc } from './labels';
import { Muted, Section } from './parts';
import { recordInterest, reviewIdea, useInterestRecords } from './queries';
import { INTEREST_LEVELS, type ChallengeCriterion, type InterestLevel, type InternalIdea } from './types';

const LEVEL_POINTS: Record<InterestLevel, number> = { curious: 1, interested: 2, committed: 3 };
const levelColor: Record<InterestLevel, string> = { curious: 'gray', interested: 'blue', committed: 'orange' };

function InternalNote() {
  return (
    <Group gap={4} wrap="nowrap">
      <IconLock size={12} aria-hidden />
      <Text fz="xs" c="dimmed">
        {t('ideas.internalOnly')}
      </Text>
    </Group>
  );
}

export function InterestPanel({ idea, onChanged }: { idea: InternalIdea; onChanged: () => void }) {
  const [stakeholderId, setStakeholderId] = useState('');
  const [level, setLevel] = useState<InterestLevel>('interested');
  const [notedOn, setNotedOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const history = useInterestRecords(idea.id, showAll);
  const save = useMutation({
    mutationFn: () => recordInterest(idea.id, { stakeholder_id: Number(stakeholderId), level, ...(notedOn ? { noted_on: notedOn } : {}) }),
    onSuccess: (r) => {
      notifySuccess(t('ideas.interest.recorded', { name: r.name }));
      setStakeholderId('');
      setNotedOn('');
      onChanged();
    },
    onError: (e) => {
      const { fieldErrors, message } = mapProblem(e, ['stakeholder_id', 'level', 'noted_on']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  // "Explain numbers": the score is the sum of each stakeholder's latest level.
  const why = idea.interest.map((r) => t('ideas.interest.part', { name: r.name, level: interestLevelLabel(r.level), points: LEVEL_POINTS[r.level] })).join(' + ');
  return (
    <Section id="interest-heading" title={t('ideas.interest.title')} action={<InternalNote />}>
      <Stack gap="sm">
        <Text fz="sm" fw={600}>
          {t('ideas.interest.score', { score: idea.interest_score })}
        </Text>
        {why && (
          <Text fz="xs" c="dimmed">
            {t('ideas.interest.why', { parts: why })}
          </Text>
        )}
        {idea.interest.length === 0 ? (
          <Muted>{t('ideas.interest.empty')}</Muted>
        ) : (
          <List spacing={6} size="sm" listStyleType="none" aria-labelledby="interest-heading">
            {idea.interest.map((r) => (
              <List.Item key={r.id}>
                <Group gap="xs" wrap="wrap">
                  <Text fz="sm" fw={500}>
                    {r.name}
                  </Text>
                  <Badge size="sm" variant="light" radius="sm" color={levelColor[r.level]} style={{ textTransform: 'none' }}>
                    {interestLevelLabel(r.level)}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {formatDay(r.noted_on)} · {r.source === 'interaction' ? t('ideas.interest.fromInteraction') : t('ideas.interest.manual')}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Button size="compact-sm" variant="subtle" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll} style={{ alignSelf: 'flex-start' }}>
          {showAll ? t('ideas.interest.hideHistory') : t('ideas.interest.showHistory')}
        </Button>
        {showAll && history.data && (
          <Table fz="xs" aria-label={t('ideas.interest.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ideas.interest.stakeholder')}</Table.Th>
                <Table.Th>{t('ideas.interest.level')}</Table.Th>
                <Table.Th>{t('ideas.interest.notedOn')}</Table.Th>
                <Table.Th>{t('ideas.interest.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{interestLevelLabel(r.level)}</Table.Td>
                  <Table.Td>{formatDay(r.noted_on)}</Table.Td>
                  <Table.Td>{r.recorded_by?.display_name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!parseId(stakeholderId)) setErrors({ stakeholder_id: t('form.required') });
            else save.mutate();
          }}
          noValidate
          aria-label={t('ideas.interest.record')}
        >
          <Stack gap="xs">
            <StakeholderSelect
              label={t('ideas.interest.stakeholder')}
              value={stakeholderId}
              onChange={(v) => {
                setStakeholderId(v);
                setErrors({});
              }}
              error={errors.stakeholder_id}
              size="xs"
            />
            <SimpleGrid cols={2} spacing="xs">
              <Select
                label={t('ideas.interest.level')}
                data={INTEREST_LEVELS.map((l) => ({ value: l, label: interestLevelLabel(l) }))}
                value={level}
                allowDeselect={false}
                onChange={(v) => setLevel((v ?? 'interested') as InterestLevel)}
                error={errors.level}
                size="xs"
              />
              <TextInput
                type="date"
                label={t('ideas.interest.notedOn')}
                max={todayUtc()}
                value={notedOn}
                onChange={(e) => setNotedOn(e.currentTarget.value)}
                error={errors.noted_on}
                size="xs"
              />
            </SimpleGrid>
            <Button type="submit" size="xs" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('ideas.interest.record')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Section>
  );
}

/** The keys a review scores: the challenge's criteria, or `overall` (no criteria, or a stand-alone idea). */
function reviewKeys(criteria: readonly ChallengeCriterion[]): { key: string; text: string; weight: number }[] {
  return criteria.length > 0 ? criteria.map((c) => ({ key: c.key, text: c.text, weight: c.weight })) : [{ key: 'overall', text: t('ideas.review.overall'), weight: 1 }];
}

export function ReviewPanel({
  idea,
  meId,
  criteria,
  canReview,
  closedReason,
  onChanged,
}: {
  idea: InternalIdea;
  meId: number;
  criteria: readonly ChallengeCriterion[];
  canReview: boolean;
  closedReason: string;
  onChanged: () => void;
}) {
  const keys = reviewKeys(criteria);
  const mine = idea.review.reviews.find((r) => r.reviewer?.id === meId);
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(mine?.scores ?? {}) }));
  const [note, setNote] = useState(mine?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => reviewIdea(idea.id, { scores, note: note.trim() }),
    onSuccess: (r) => {
      notifySuccess(t('ideas.review.saved', { score: r.score }));
      onChanged();
    },
    onError: (e) => {
      const { fieldErrors, message } = mapProblem(e, ['scores', 'note']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  const textOf = new Map(keys.map((k) => [k.key, k.text]));
  return (
    <Section id="reviews-heading" title={t('ideas.review.title')} action={<InternalNote />}>
      <Stack gap="sm">
        <Text fz="sm" fw={600}>
          {idea.review.score === null ? t('ideas.review.none') : tp('ideas.review.summary', idea.review.count, { score: idea.review.score })}
        </Text>
        {idea.review.reviews.length > 0 && (
          <List spacing="xs" size="sm" listStyleType="none" aria-labelledby="reviews-heading">
            {idea.review.reviews.map((r) => (
              <List.Item key={`${r.reviewer?.id ?? 'gone'}-${r.reviewed_at}`}>
                <Text fz="sm" fw={500}>
                  {t('ideas.review.by', { name: r.reviewer?.display_name ?? t('ideas.comments.formerUser'), score: r.score })}
                </Text>
                <Text fz="xs" c="dimmed">
                  {Object.entries(r.scores)
                    .map(([k, v]) => `${textOf.get(k) ?? k}: ${v}`)
                    .join(' · ')}{' '}
                  · <DateTime iso={r.reviewed_at} />
                </Text>
                {r.note && <Text fz="xs">{r.note}</Text>}
              </List.Item>
            ))}
          </List>
        )}
        {canReview ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (Object.keys(scores).length === 0) setErrors({ scores: t('ideas.review.scoreOne') });
              else save.mutate();
            }}
            noValidate
            aria-label={mine ? t('ideas.review.update') : t('ideas.review.add')}
          >
            <Stack gap="xs">
              {keys.map((k) => (
                <Radio.Group
                  key={k.key}
                  label={k.text}
                  description={k.key === 'overall' ? undefined : t('ideas.challenge.weight', { weight: k.weight })}
                  value={scores[k.key] ? String(scores[k.key]) : ''}
                  onChange={(v) => setScores((s) => ({ ...s, [k.key]: Number(v) }))}
                  error={errors[`scores.${k.key}`]}
                >
                  <Group gap="xs" mt={4}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <Radio key={n} value={String(n)} label={String(n)} size="xs" aria-label={t('ideas.review.scoreOf', { n, text: k.text })} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
              {errors.scores && (
                <Text c="red" fz="xs" role="alert">
                  {errors.scores}
                </Text>
              )}
              <Textarea label={t('ideas.review.note')} autosize minRows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} size="xs" />
              <Button type="submit" size="xs" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
                {mine ? t('ideas.review.update') : t('ideas.review.add')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Muted>{closedReason}</Muted>
        )}
      </Stack>
    </Section>
  );
}
