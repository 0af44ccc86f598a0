// "Similar ideas" while someone types a new one: asks the server (full-text ranking) after a
// pause in typing, announces how many it found to screen readers, and lists them as links in the
// normal tab order, each with a toggle to build on it instead of starting over.
import { Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconExternalLink, IconGitBranch, IconSparkles } from '@tabler/icons-react';
import { t, tp } from '../../messages';
import { similarText } from './labels';
import { useSimilarIdeas } from './queries';
import classes from './ideas.module.css';

export const SIMILAR_PANEL_ID = 'similar-ideas';
/** How long typing must pause before the server is asked. */
export const SIMILAR_DEBOUNCE_MS = 350;

interface SimilarIdeasProps {
  /** What was typed, already debounced (see useSimilarText). */
  text: string;
  spaceId: number | undefined;
  challengeId: number | undefined;
  /** Ideas chosen to build on. */
  buildOn: readonly number[];
  onToggleBuildOn: (id: number, title: string) => void;
}

/** Moves focus to the panel (for the "review similar ideas" link next to the description). */
export function focusSimilarPanel() {
  document.getElementById(SIMILAR_PANEL_ID)?.focus();
}

/** The text to compare, once typing pauses. */
export function useSimilarText(title: string, description: string): string {
  const [text] = useDebouncedValue(similarText(title, description), SIMILAR_DEBOUNCE_MS);
  return text;
}

export function SimilarIdeas({ text, spaceId, challengeId, buildOn, onToggleBuildOn }: SimilarIdeasProps) {
  const similar = useSimilarIdeas({ text, space_id: spaceId, challenge_id: challengeId });
  const items = text.length >= 3 ? (similar.data ?? []) : [];

  let status: string;
  if (spaceId === undefined) status = t('ideas.similar.pickSpace');
  else if (text.length < 3) status = t('ideas.similar.start');
  else if (similar.isError) status = t('ideas.similar.failed');
  else if (similar.isPending) status = t('ideas.similar.looking');
  else if (items.length === 0) status = t('ideas.similar.none');
  else status = tp('ideas.similar.found', items.length);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="similar-heading"
      id={SIMILAR_PANEL_ID}
      tabIndex={-1}
      className={classes.similar}
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconSparkles size={18} aria-hidden />
          <Title order={2} fz="md" fw={600} id="similar-heading">
            {t('ideas.similar.title')}
          </Title>
        </Group>
        {/* Present from the start, so that screen readers announce each change of the count. */}
        <Text fz="sm" c={items.length > 0 ? undefined : 'dimmed'} role="status" aria-live="polite" aria-atomic="true">
          {status}
        </Text>
        {items.length > 0 && (
          <Box component="ul" className={classes.plainList} aria-label={t('ideas.similar.listLabel')}>
            {items.map((idea) => {
              const chosen = buildOn.includes(idea.id);
              return (
                <Paper component="li" key={idea.id} withBorder radius="sm" p="xs">
                  <Stack gap={4}>
                    <Anchor
                      href={`/ideas/${idea.id}`}
                      target="_blank"
                      rel="noopener"
                      fz="sm"
                      fw={600}
                      aria-label={t('ideas.similar.open', { title: idea.title })}
                    >
                      {idea.title} <IconExternalLink size={12} aria-hidden />
                    </Anchor>
                    {idea.snippet && (
                      <Text fz="xs" c="dimmed" lineClamp={3}>
                        {idea.snippet}
                      </Text>
                    )}
                    <Button
                      size="compact-xs"
                      variant={chosen ? 'filled' : 'light'}
                      leftSection={<IconGitBranch size={12} aria-hidden />}
                      aria-pressed={chosen}
                      onClick={() => onToggleBuildOn(idea.id, idea.title)}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {chosen ? t('ideas.similar.buildingOn') : t('ideas.similar.buildOn')}
                    </Button>
                  </Stack>
                </Paper>
              );
            })}
          </Box>
        )}
        <Text fz="xs" c="dimmed">
          {t('ideas.similar.why')}
        </Text>
      </Stack>
    </Paper>
  );
}
