// The intake fit check: five 1..5 questions with words, and the live score with its "why".
import { Alert, Group, List, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { FIT_WEIGHTS, fitAnswerLabel, fitColor, fitQuestionLabel, fitQuestionShort, fitScore } from './labels';
import { FitBadge } from './parts';
import { FIT_QUESTIONS, type FitAnswers, type FitQuestion } from './types';
import classes from './projects.module.css';
import { t, type MessageKey } from '../../messages';

const reasonKeys: Record<FitQuestion, MessageKey> = {
  problem_defined: 'projects.fit.reason.problem_defined',
  near_term: 'projects.fit.reason.near_term',
  customers_can_picture: 'projects.fit.reason.customers_can_picture',
  customer_willing: 'projects.fit.reason.customer_willing',
  capacity_available: 'projects.fit.reason.capacity_available',
};

/** The score with its parts in words (UI.md "Explain numbers"). */
export function FitSummary({ answers }: { answers: FitAnswers }) {
  const fit = fitScore(answers);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="fit-score-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="sm" fw={600} id="fit-score-heading">
            {t('projects.fit.scoreTitle')}
          </Title>
          <div aria-live="polite" aria-atomic="true">
            <FitBadge recommendation={fit.recommendation} score={fit.score} />
          </div>
        </Group>
        <Progress value={fit.score} color={fitColor[fit.recommendation]} aria-label={t('projects.fit.scoreTitle')} size="sm" />
        <Text fz="xs" c="dimmed">
          {t('projects.fit.thresholds')}
        </Text>
        <Text fz="sm" fw={600} id="fit-why">
          {t('projects.fit.why')}
        </Text>
        <List size="sm" spacing={2} aria-labelledby="fit-why">
          {FIT_QUESTIONS.map((q) => (
            <List.Item key={q}>
              {t('projects.fit.part', {
                question: fitQuestionShort(q),
                answer: answers[q],
                words: fitAnswerLabel(answers[q]),
                weight: FIT_WEIGHTS[q],
              })}
            </List.Item>
          ))}
        </List>
        {fit.weak.length > 0 && (
          <List size="sm" spacing={2} icon={<IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-yellow-filled)" />}>
            {fit.weak.map((q) => (
              <List.Item key={q}>{t(reasonKeys[q])}</List.Item>
            ))}
          </List>
        )}
        {fit.flagged && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
            <Text fz="sm">{t('projects.fit.flagged')}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The five questions as radio groups ("1 · Not at all" … "5 · Fully"). */
export function FitQuestions({
  answers,
  onChange,
  errors,
}: {
  answers: FitAnswers;
  onChange: (q: FitQuestion, value: number) => void;
  errors: Record<string, string>;
}) {
  return (
    <fieldset className={classes.fieldset}>
      <legend className={classes.legend}>{t('projects.fit.title')}</legend>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('projects.fit.intro')}
      </Text>
      <Stack gap="md">
        {FIT_QUESTIONS.map((q) => (
          <Radio.Group
            key={q}
            label={fitQuestionLabel(q)}
            description={t('projects.fit.weight', { weight: FIT_WEIGHTS[q] })}
            value={String(answers[q])}
            onChange={(v) => onChange(q, Number(v))}
            error={errors[`fit.${q}`]}
          >
            <Group gap="sm" mt={6}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={t('projects.fit.answer', { n, words: fitAnswerLabel(n) })} size="xs" />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </Stack>
    </fieldset>
  );
}
