import { Anchor, Badge, Blockquote, Box, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconEye, IconEyeOff, IconFlag, IconGitMerge, IconMessageCircle, IconBulb, IconPencil, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { NotFound } from '../../components/NotFound';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { oneOf, useUrlFilters } from '../../components/urlState';
import { useSpaceOptions } from '../admin/queries';
import { useSignedIn } from '../auth/session';
import { t } from '../../messages';
import { MergeDialog, ModerationDialog, type ModerationTarget } from './IdeaDialogs';
import { moderatesAnywhere, resolutionLabel } from './labels';
import { getAllComments, getIdea, ideasKey, useReports } from './queries';
import { REPORT_STATUSES, type ModerationAction, type Report, type ReportStatus } from './types';
import classes from './ideas.module.css';

function ReportCard({
  report,
  spaceName,
  onModerate,
  onMerge,
  busy,
}: {
  report: Report;
  spaceName: string;
  onModerate: (report: Report, action: ModerationAction) => void;
  onMerge: (report: Report) => void;
  busy: boolean;
}) {
  const isIdea = report.object_type === 'idea';
  const link = isIdea ? `/ideas/${report.idea_id}` : `/ideas/${report.idea_id}#comment-${report.object_id}`;
  const Icon = isIdea ? IconBulb : IconMessageCircle;
  const open = report.status === 'open';
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={`report-${report.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <Icon size={16} aria-hidden />
            <Text fz="sm" fw={600} id={`report-${report.id}`}>
              {isIdea ? t('ideas.reports.idea') : t('ideas.reports.comment')} · {spaceName}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {t('ideas.reports.reportedBy', { name: report.reported_by?.display_name ?? t('ideas.comments.formerUser') })} · <RelativeTime iso={report.created_at} />
          </Text>
        </Group>
        <Blockquote p="xs" fz="sm" color="gray" iconSize={0}>
          {report.excerpt || '—'}
        </Blockquote>
        <Text fz="sm">
          <Text span fw={600} fz="sm">
            {t('ideas.reports.reason')}:
          </Text>{' '}
          {report.reason}
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={link} fz="sm">
            {isIdea ? t('ideas.reports.openIdea') : t('ideas.reports.openComment')}
          </Anchor>
          {open ? (
            <Group gap="xs" wrap="wrap">
              <Button size="xs" color="red" variant="light" leftSection={<IconEyeOff size={14} aria-hidden />} onClick={() => onModerate(report, 'hide')} disabled={busy}>
                {t('ideas.moderate.hide')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconEye size={14} aria-hidden />} onClick={() => onModerate(report, 'restore')} disabled={busy}>
                {t('ideas.reports.keep')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onModerate(report, 'edit')} loading={busy}>
                {t('ideas.moderate.editWithNote')}
              </Button>
              {isIdea && (
                <Button size="xs" variant="default" leftSection={<IconGitMerge size={14} aria-hidden />} onClick={() => onMerge(report)} disabled={busy}>
                  {t('ideas.merge.open')}
                </Button>
              )}
            </Group>
          ) : (
            report.resolution && (
              <Badge variant="light" color="gray" radius="sm" style={{ textTransform: 'none' }}>
                {t('ideas.reports.resolved', {
                  resolution: resolutionLabel(report.resolution),
                  name: report.resolved_by?.display_name ?? '—',
                })}
              </Badge>
            )
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** /ideas/moderation — the reports queue, oldest first, with the moderation actions at hand. */
export default function ModerationPage() {
  const me = useSignedIn();
  const client = useQueryClient();
  const { values, setFilter } = useUrlFilters(['status'] as const);
  const status: ReportStatus = oneOf(REPORT_STATUSES, values.status) ?? 'open';
  const reports = useReports(status, moderatesAnywhere(me));
  const spaces = useSpaceOptions();
  const spaceNames = new Map((spaces.data ?? []).map((s) => [Number(s.value), s.label]));
  const [moderating, setModerating] = useState<{ target: ModerationTarget; action: ModerationAction } | null>(null);
  const [merging, setMerging] = useState<Report | null>(null);
  const [loading, setLoading] = useState<number | null>(null);
  if (!moderatesAnywhere(me)) return <NotFound />;

  const done = () => client.invalidateQueries({ queryKey: ideasKey });

  /** Opens the action's dialog; an edit starts from the current text, so it is read first. */
  const moderate = async (report: Report, action: ModerationAction) => {
    if (action !== 'edit') {
      setModerating({
        target: report.object_type === 'idea' ? { type: 'idea', id: report.object_id, title: '', description: '' } : { type: 'comment', id: report.object_id, body: '' },
        action,
      });
      return;
    }
    setLoading(report.id);
    try {
      if (report.object_type === 'idea') {
        const idea = await getIdea(report.object_id);
        setModerating({ target: { type: 'idea', id: idea.id, title: idea.title, description: idea.description }, action });
      } else {
        // The contract has no route for one comment: read the idea's comments and pick it.
        const comments = await getAllComments(report.idea_id);
        const comment = comments.find((c) => c.id === report.object_id);
        setModerating({ target: { type: 'comment', id: report.object_id, body: comment?.body ?? '' }, action });
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(null);
    }
  };

  let body: ReactNode;
  if (reports.isPending) body = <TableSkeleton rows={4} />;
  else if (reports.isError) body = <QueryError error={reports.error} retry={() => reports.refetch()} />;
  else if (reports.items.length === 0)
    body = (
      <EmptyState icon={<IconShieldCheck size={24} />} title={status === 'open' ? t('ideas.reports.emptyTitle') : t('ideas.reports.emptyResolvedTitle')}>
        {status === 'open' ? t('ideas.reports.emptyBody') : t('ideas.reports.emptyResolvedBody')}
      </EmptyState>
    );
  else
    body = (
      <Box component="ul" className={classes.plainList} aria-label={t('ideas.reports.listLabel')}>
        {reports.items.map((r) => (
          <ReportCard
            key={r.id}
            report={r}
            spaceName={spaceNames.get(r.space_id) ?? `#${r.space_id}`}
            onModerate={(report, action) => void moderate(report, action)}
            onMerge={setMerging}
            busy={loading === r.id}
          />
        ))}
      </Box>
    );

  return (
    <>
      <PageHeader title={t('ideas.reports.title')} description={t('ideas.reports.description')} />
      <Group mb="md" gap="sm" align="center">
        <IconFlag size={16} aria-hidden />
        <SegmentedControl
          size="sm"
          aria-label={t('ideas.reports.show')}
          data={[
            { value: 'open', label: t('ideas.reports.open') },
            { value: 'resolved', label: t('ideas.reports.resolvedTab') },
          ]}
          value={status}
          onChange={(v) => setFilter('status', v === 'open' ? '' : v)}
        />
      </Group>
      {body}
      <LoadMore hasMore={reports.hasNextPage} loading={reports.isFetchingNextPage} onLoad={() => reports.fetchNextPage()} />
      <ModerationDialog target={moderating?.target ?? null} action={moderating?.action ?? 'hide'} onClose={() => setModerating(null)} onDone={() => void done()} />
      <MergeDialog
        idea={merging ? { id: merging.object_id, title: merging.excerpt, space_id: merging.space_id } : null}
        opened={merging !== null}
        onClose={() => setMerging(null)}
        onDone={() => void done()}
      />
    </>
  );
}
