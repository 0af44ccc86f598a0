import { Anchor, Badge, Box, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClockExclamation, IconGripVertical, IconLayoutKanban, IconPlus, IconStack2 } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { oneOf, useUrlFilters } from '../../components/urlState';
import { t, tp } from '../../messages';
import { RequestReviewDialog } from './GateReviewDialogs';
import { dropOutcome, parseId, sortCards, statusLabel } from './labels';
import { AskFirstBadge, HealthBadge, StatusBadge } from './parts';
import { useFrameworks, usePortfolio } from './queries';
import { PROJECT_STATUSES, type Portfolio, type PortfolioCard } from './types';
import classes from './projects.module.css';

const DRAG_TYPE = 'application/x-cocreate-project';

interface Dragging {
  id: number;
  column: number;
  status: PortfolioCard['status'];
}

function Card({
  card,
  column,
  maxDays,
  onRequest,
  onDragStart,
  onDragEnd,
}: {
  card: PortfolioCard;
  column: number;
  maxDays: number;
  onRequest: (id: number) => void;
  onDragStart: (d: Dragging) => void;
  onDragEnd: () => void;
}) {
  const closed = card.status === 'stopped' || card.status === 'completed';
  const over = maxDays > 0 && card.days_in_phase > maxDays;
  const titleId = `card-${card.id}-title`;
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="xs"
      className={classes.card}
      draggable={!closed}
      aria-labelledby={titleId}
      onDragStart={(e: DragEvent<HTMLLIElement>) => {
        e.dataTransfer.setData(DRAG_TYPE, String(card.id));
        e.dataTransfer.setData('text/plain', card.title);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart({ id: card.id, column, status: card.status });
      }}
      onDragEnd={onDragEnd}
    >
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          {!closed && <IconGripVertical size={14} aria-hidden className={classes.grip} />}
          <Anchor component={Link} to={`/projects/${card.id}`} fz="sm" fw={600} id={titleId} lh={1.3}>
            {card.title}
          </Anchor>
        </Group>
        <Group gap={4}>
          {card.health.ask_first && <AskFirstBadge size="xs" />}
          <HealthBadge level={card.health.level} score={card.health.score} size="xs" />
          {card.status !== 'active' && <StatusBadge status={card.status} size="xs" />}
        </Group>
        <Text fz="xs" c={over ? undefined : 'dimmed'} fw={over ? 600 : undefined} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          {over && <IconClockExclamation size={14} aria-hidden style={{ flexShrink: 0 }} />}
          {over
            ? t('projects.board.daysOver', { days: card.days_in_phase, max: maxDays })
            : tp('projects.board.daysInPhase', card.days_in_phase)}
        </Text>
        <Text fz="xs" c="dimmed" truncate>
          {t('projects.board.lead', { name: card.lead.display_name })}
        </Text>
        {!closed && (
          <Button size="compact-xs" variant="subtle" onClick={() => onRequest(card.id)} aria-describedby={titleId} style={{ alignSelf: 'flex-start' }}>
            {t('projects.review.requestShort')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Board({ portfolio }: { portfolio: Portfolio }) {
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [reviewFor, setReviewFor] = useState<number | undefined>();
  const [opened, { open, close }] = useDisclosure(false);
  const request = (id: number) => {
    setReviewFor(id);
    open();
  };

  const onDrop = (e: DragEvent<HTMLElement>, column: number) => {
    e.preventDefault();
    setTarget(null);
    const from = dragging;
    setDragging(null);
    if (!from) return;
    const outcome = dropOutcome(from.column, column, from.status);
    if (outcome === 'request') request(from.id);
    else if (outcome === 'refused' || outcome === 'closed')
      notifications.show({
        title: t('projects.board.refusedTitle'),
        message: outcome === 'closed' ? t('projects.board.refusedClosed') : t('projects.board.refused'),
        color: 'orange',
        autoClose: 8000,
      });
  };

  return (
    <>
      <Text fz="xs" c="dimmed" mb="xs" id="board-hint">
        {t('projects.board.hint')}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="stretch" gap="sm" wrap="nowrap" className={classes.board}>
          {portfolio.columns.map((col, index) => {
            const cards = sortCards(col.cards);
            const headingId = `column-${col.key}`;
            const allowed = dragging !== null && dropOutcome(dragging.column, index, dragging.status) === 'request';
            const refused = dragging !== null && !allowed && dragging.column !== index;
            return (
              <Box
                key={col.key}
                component="section"
                aria-labelledby={headingId}
                className={classes.column}
                data-drop-allowed={allowed || undefined}
                data-drop-refused={refused || undefined}
                data-drop-over={target === index || undefined}
                onDragOver={(e: DragEvent<HTMLElement>) => {
                  if (!dragging) return;
                  // Every column takes the drop so that a refused one can say why.
                  e.preventDefault();
                  e.dataTransfer.dropEffect = allowed ? 'move' : 'none';
                  if (target !== index) setTarget(index);
                }}
                onDragLeave={() => setTarget((t0) => (t0 === index ? null : t0))}
                onDrop={(e: DragEvent<HTMLElement>) => onDrop(e, index)}
              >
                <Group justify="space-between" gap={4} mb="xs" wrap="nowrap">
                  <Title order={2} fz="sm" fw={600} id={headingId}>
                    {col.name}
                  </Title>
                  <Badge variant="default" size="sm" radius="sm" aria-label={tp('projects.board.count', cards.length)}>
                    {cards.length}
                  </Badge>
                </Group>
                {col.max_days ? (
                  <Text fz="xs" c="dimmed" mb="xs">
                    {t('projects.board.maxDays', { days: col.max_days })}
                  </Text>
                ) : null}
                {cards.length === 0 ? (
                  <Text fz="xs" c="dimmed" ta="center" py="md">
                    {t('projects.board.emptyColumn')}
                  </Text>
                ) : (
                  <Stack component="ul" gap="xs" className={classes.cards} aria-describedby="board-hint">
                    {cards.map((card) => (
                      <Card
                        key={card.id}
                        card={card}
                        column={index}
                        maxDays={col.max_days}
                        onRequest={request}
                        onDragStart={setDragging}
                        onDragEnd={() => {
                          setDragging(null);
                          setTarget(null);
                        }}
                      />
                    ))}
                  </Stack>
                )}
              </Box>
            );
          })}
        </Group>
      </ScrollArea>
      <RequestReviewDialog projectId={reviewFor} opened={opened} onClose={close} />
    </>
  );
}

function BoardSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, md: 5 }} spacing="sm" aria-busy="true" aria-label={t('common.loading')} role="status">
      {Array.from({ length: 5 }, (_, i) => (
        <Paper key={i} withBorder radius="md" p="sm">
          <Skeleton height={14} width="60%" mb="sm" />
          <Skeleton height={72} mb="xs" />
          <Skeleton height={72} />
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** /projects — the portfolio board: one column per phase, cards sorted by health (ask-first first). */
export default function BoardPage() {
  const { values, setFilter } = useUrlFilters(['framework', 'status'] as const);
  const frameworks = useFrameworks();
  const status = oneOf(PROJECT_STATUSES, values.status);
  // The board needs a framework: the one in the URL, else the first by name.
  const frameworkId = parseId(values.framework) ?? frameworks.data?.items[0]?.id;
  const portfolio = usePortfolio({ framework_id: frameworkId, ...(status ? { status } : {}) });
  const frameworkOptions = (frameworks.data?.items ?? []).map((f) => ({ value: String(f.id), label: f.name }));
  const total = portfolio.data?.columns.reduce((n, c) => n + c.cards.length, 0) ?? 0;

  const propose = (
    <Button component={Link} to="/projects/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('projects.propose')}
    </Button>
  );

  let body;
  if (frameworks.isError) body = <QueryError error={frameworks.error} retry={() => frameworks.refetch()} />;
  else if (frameworks.data && frameworks.data.items.length === 0)
    body = (
      <EmptyState
        icon={<IconStack2 size={24} />}
        title={t('projects.board.noFrameworkTitle')}
        action={
          <Button component={Link} to="/projects/frameworks" variant="light">
            {t('projects.frameworks.title')}
          </Button>
        }
      >
        {t('projects.board.noFrameworkBody')}
      </EmptyState>
    );
  else if (portfolio.isPending) body = <BoardSkeleton />;
  else if (portfolio.isError) body = <QueryError error={portfolio.error} retry={() => portfolio.refetch()} />;
  else if (total === 0 && !status)
    body = (
      <EmptyState icon={<IconLayoutKanban size={24} />} title={t('projects.board.emptyTitle')} action={propose}>
        {t('projects.board.emptyBody')}
      </EmptyState>
    );
  else body = <Board portfolio={portfolio.data} />;

  return (
    <>
      <PageHeader title={t('projects.title')} description={t('projects.board.description')} actions={propose} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('projects.framework')}
          data={frameworkOptions}
          value={frameworkId ? String(frameworkId) : null}
          onChange={(v) => setFilter('framework', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          size="sm"
        />
        <Select
          label={t('projects.statusLabel')}
          data={[{ value: '', label: t('projects.board.statusDefault') }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
          value={status ?? ''}
          onChange={(v) => setFilter('status', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
          size="sm"
        />
        {portfolio.data && (
          <Text fz="sm" c="dimmed" pb={6}>
            {tp('projects.board.total', total)}
          </Text>
        )}
      </Group>
      {body}
    </>
  );
}
