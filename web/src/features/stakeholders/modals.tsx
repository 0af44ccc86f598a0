// Change level and record emotion: the two quick actions of the detail page.
import { Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler, useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { notifySuccess } from '../../components/notify';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { emotionSourceLabel, emotionState, intensityWord, levelLabel, levelStep, options, valenceWord } from './labels';
import { EmotionLabel, LevelBadge } from './parts';
import { changeLevel, recordEmotion, useStakeholderSaved } from './queries';
import { EMOTION_SOURCES, LEVELS, type EmotionSource, type Level, type Stakeholder } from './types';

/** Today as YYYY-MM-DD in the reader's time zone. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A past local day as an RFC 3339 time (noon, so every time zone keeps the day); undefined for today. */
export function observedAt(day: string, now = new Date()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day === todayLocal(now)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0, 0).toISOString();
}

export function LevelModal({ stakeholder, opened, onClose }: { stakeholder: Stakeholder; opened: boolean; onClose: () => void }) {
  const saved = useStakeholderSaved();
  const narrow = useMediaQuery('(max-width: 48em)');
  const form = useProblemForm({ level: stakeholder.level as Level, note: '' });
  const save = useMutation({
    mutationFn: () => changeLevel(stakeholder.id, { level: form.values.level, ...(form.values.note.trim() ? { note: form.values.note.trim() } : {}) }),
    onSuccess: async (s) => {
      await saved(s);
      notifySuccess(t('stakeholders.levelModal.saved', { level: levelLabel(s.level) }));
      onClose();
    },
    onError: form.fail,
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const unchanged = form.values.level === stakeholder.level;
  return (
    <Modal opened={opened} onClose={onClose} title={t('stakeholders.levelModal.title')} size="xl">
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          <Group gap="xs">
            <Text fz="sm">{t('stakeholders.levelModal.current')}</Text>
            <LevelBadge level={stakeholder.level} />
          </Group>
          <Input.Wrapper label={t('stakeholders.levelModal.ladder')} labelElement="div" id="level-ladder" error={form.errors.level}>
            <SegmentedControl
              aria-labelledby="level-ladder-label"
              data={LEVELS.map((l) => ({ value: l, label: `${levelStep(l)}. ${levelLabel(l)}` }))}
              value={form.values.level}
              onChange={(v) => form.setValue('level', v as Level)}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth
              data-autofocus
            />
          </Input.Wrapper>
          <Textarea label={t('stakeholders.levelModal.note')} description={t('stakeholders.levelModal.noteHint')} autosize minRows={2} {...form.text('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={unchanged}>
              {t('stakeholders.levelModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const VALENCES = [-2, -1, 0, 1, 2] as const;
const INTENSITIES = [0, 1, 2, 3] as const;

export function EmotionModal({ stakeholder, opened, onClose }: { stakeholder: Stakeholder; opened: boolean; onClose: () => void }) {
  const saved = useStakeholderSaved();
  const narrow = useMediaQuery('(max-width: 48em)');
  const initial = {
    valence: String(stakeholder.emotion?.valence ?? 0),
    intensity: String(stakeholder.emotion?.intensity ?? 1),
    source: 'observation' as EmotionSource,
    note: '',
    observed_at: todayLocal(),
  };
  const form = useProblemForm(initial);
  const valence = Number(form.values.valence);
  const intensity = Number(form.values.intensity);
  const save = useMutation({
    mutationFn: () => {
      const at = observedAt(form.values.observed_at);
      return recordEmotion(stakeholder.id, {
        valence,
        intensity,
        source: form.values.source,
        ...(form.values.note.trim() ? { note: form.values.note.trim() } : {}),
        ...(at ? { observed_at: at } : {}),
      });
    },
    onSuccess: async (s) => {
      await saved(s);
      notifySuccess(t('stakeholders.emotionModal.saved'));
      onClose();
    },
    onError: form.fail,
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (form.values.observed_at > todayLocal()) return form.setErrors({ observed_at: t('stakeholders.emotionModal.future') });
    if (!save.isPending) save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('stakeholders.emotionModal.title')} size="xl">
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('stakeholders.emotionModal.intro', { name: stakeholder.name })}
          </Text>
          <Input.Wrapper label={t('stakeholders.emotionModal.intensity')} description={t('stakeholders.emotionModal.intensityHint')} labelElement="div" id="emotion-intensity" error={form.errors.intensity}>
            <SegmentedControl
              aria-labelledby="emotion-intensity-label"
              data={INTENSITIES.map((i) => ({ value: String(i), label: intensityWord(i) }))}
              value={form.values.intensity}
              onChange={(v) => form.setValue('intensity', v)}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth
              mt={4}
              data-autofocus
            />
          </Input.Wrapper>
          <Input.Wrapper label={t('stakeholders.emotionModal.valence')} labelElement="div" id="emotion-valence" error={form.errors.valence}>
            <SegmentedControl
              aria-labelledby="emotion-valence-label"
              data={VALENCES.map((v) => ({ value: String(v), label: valenceWord(v) }))}
              value={form.values.valence}
              onChange={(v) => form.setValue('valence', v)}
              orientation={narrow ? 'vertical' : 'horizontal'}
              disabled={intensity === 0}
              fullWidth
              mt={4}
            />
          </Input.Wrapper>
          <Group gap="xs" aria-live="polite">
            <Text fz="sm">{t('stakeholders.emotionModal.preview')}</Text>
            <EmotionLabel emotion={{ valence, intensity, state: emotionState(valence, intensity) }} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('stakeholders.emotionModal.source')}
              data={options(EMOTION_SOURCES, emotionSourceLabel)}
              value={form.values.source}
              onChange={(v) => v && form.setValue('source', v as EmotionSource)}
              error={form.errors.source}
              allowDeselect={false}
            />
            <TextInput type="date" label={t('stakeholders.emotionModal.date')} max={todayLocal()} {...form.text('observed_at')} />
          </SimpleGrid>
          <Textarea label={t('stakeholders.emotionModal.note')} autosize minRows={2} {...form.text('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('stakeholders.emotionModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
