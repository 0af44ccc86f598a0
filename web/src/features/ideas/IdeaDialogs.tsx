// The dialogs of the idea page and the moderation queue: report, moderate (hide, restore, edit
// with a note), merge a duplicate, set the status, edit, add a co-author, build on another idea,
// promote into a project. Each keeps what was typed when the server refuses it.
import { Button, Group, Modal, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFlag } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../messages';
import { FitQuestions } from '../projects/FitCheck';
import { useFrameworks, useInvalidateProjects } from '../projects/queries';
import { moderationActionLabel, normaliseTags, statusLabel } from './labels';
import {
  addBuildsOn,
  addCoAuthor,
  createReport,
  mergeIdea,
  moderateComment,
  moderateIdea,
  promoteIdea,
  setIdeaStatus,
  updateIdea,
  useIdeaSearch,
  useInvalidateIdeas,
  useSpaceMembers,
} from './queries';
import {
  SETTABLE_STATUSES,
  type Comment,
  type FitAnswers,
  type Idea,
  type ModerationAction,
  type ProjectRef,
  type ReportObjectType,
  type SettableStatus,
} from './types';

type Errors = Record<string, string>;

/** Field errors from a failed request (for the fields named), the rest as a toast. */
function useErrors(fields: string[]) {
  const [errors, setErrors] = useState<Errors>({});
  const fail = (error: unknown) => {
    const { fieldErrors, message } = mapProblem(error, fields);
    setErrors(fieldErrors);
    if (message) notifyError(message);
  };
  const clear = (key: string) => setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  return { errors, setErrors, fail, clear, err: (key: string) => errors[key] || undefined };
}

function Actions({ onCancel, busy, label, danger = false }: { onCancel: () => void; busy: boolean; label: string; danger?: boolean }) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      {/* Shade 9: white on the theme's filled red (shade 7 in the light scheme) is below WCAG AA. */}
      <Button type="submit" loading={busy} color={danger ? 'red.9' : undefined}>
        {label}
      </Button>
    </Group>
  );
}

// ---- report ----------------------------------------------------------------------------------

/** "Report" for an idea or a comment: asks what is wrong and files it for the moderators. */
export function ReportButton({ objectType, objectId, label }: { objectType: ReportObjectType; objectId: number; label: string }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const { err, fail, clear, setErrors } = useErrors(['reason']);
  const close = () => setOpened(false);
  const save = useMutation({
    mutationFn: () => createReport({ object_type: objectType, object_id: objectId, reason: reason.trim() }),
    onSuccess: () => {
      notifySuccess(t('ideas.report.done'));
      setReason('');
      close();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        notifySuccess(t('ideas.report.already'));
        close();
      } else fail(error);
    },
  });
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconFlag size={12} aria-hidden />} onClick={() => setOpened(true)} aria-label={label}>
        {t('ideas.report.action')}
      </Button>
      <Modal opened={opened} onClose={close} title={objectType === 'idea' ? t('ideas.report.titleIdea') : t('ideas.report.titleComment')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) setErrors({ reason: t('form.required') });
            else save.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text fz="sm">{t('ideas.report.intro')}</Text>
            <Textarea
              label={t('ideas.report.reason')}
              required
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                clear('reason');
              }}
              error={err('reason')}
            />
            <Actions onCancel={close} busy={save.isPending} label={t('ideas.report.send')} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}

// ---- moderate --------------------------------------------------------------------------------

export type ModerationTarget =
  | { type: 'idea'; id: number; title: string; description: string }
  | { type: 'comment'; id: number; body: string };

/** Hide, restore or edit an idea or a comment, always with a note that is shown with it. */
export function ModerationDialog({
  target,
  action,
  onClose,
  onDone,
}: {
  target: ModerationTarget | null;
  action: ModerationAction;
  onClose: () => void;
  onDone: (result: Idea | Comment) => void;
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t(`ideas.moderateTitle.${action}`) : ''} size="lg">
      {target && <ModerationForm key={`${target.type}-${target.id}-${action}`} target={target} action={action} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function ModerationForm({
  target,
  action,
  onClose,
  onDone,
}: {
  target: ModerationTarget;
  action: ModerationAction;
  onClose: () => void;
  onDone: (result: Idea | Comment) => void;
}) {
  const [note, setNote] = useState('');
  const [title, setTitle] = useState(target.type === 'idea' ? target.title : '');
  const [text, setText] = useState(target.type === 'idea' ? target.description : target.body);
  const { err, fail, clear, setErrors } = useErrors(['note', 'title', 'description', 'body']);
  const save = useMutation({
    mutationFn: (): Promise<Idea | Comment> => {
      const edit = action === 'edit';
      if (target.type === 'idea')
        return moderateIdea(target.id, { action, note: note.trim(), ...(edit ? { title: title.trim(), description: text.trim() } : {}) });
      return moderateComment(target.id, { action, note: note.trim(), ...(edit ? { body: text.trim() } : {}) });
    },
    onSuccess: (result) => {
      notifySuccess(t(`ideas.moderated.${action}`));
      onDone(result);
      onClose();
    },
    onError: fail,
  });
  const submit = () => {
    const next: Errors = {};
    if (!note.trim()) next.note = t('form.required');
    if (action === 'edit' && !text.trim()) next[target.type === 'idea' ? 'description' : 'body'] = t('form.required');
    if (action === 'edit' && target.type === 'idea' && title.trim().length < 3) next.title = t('ideas.form.titleLength');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text fz="sm">{t(`ideas.moderateHint.${action}`)}</Text>
        {action === 'edit' && target.type === 'idea' && (
          <TextInput
            label={t('ideas.form.title')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              clear('title');
            }}
            error={err('title')}
          />
        )}
        {action === 'edit' && (
          <Textarea
            label={target.type === 'idea' ? t('ideas.form.description') : t('ideas.comments.body')}
            description={t('ideas.markdownHint')}
            required
            autosize
            minRows={4}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              clear(target.type === 'idea' ? 'description' : 'body');
            }}
            error={err(target.type === 'idea' ? 'description' : 'body')}
          />
        )}
        <Textarea
          label={t('ideas.moderate.note')}
          description={t('ideas.moderate.noteHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('note');
          }}
          error={err('note')}
        />
        <Actions onCancel={onClose} busy={save.isPending} label={moderationActionLabel(action)} danger={action === 'hide'} />
      </Stack>
    </form>
  );
}

// ---- idea pickers ----------------------------------------------------------------------------

/** Picks an idea of a space by searching titles and descriptions. */
export function IdeaPicker({
  spaceId,
  exclude,
  value,
  onChange,
  label,
  description,
  error,
}: {
  spaceId: number;
  exclude: readonly number[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  description?: string;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const ideas = useIdeaSearch(spaceId, q);
  const data = (ideas.data ?? []).filter((i) => !exclude.includes(i.id)).map((i) => ({ value: String(i.id), label: i.title }));
  return (
    <Select
      label={label}
      description={description}
      required
      searchable
      data-autofocus
      data={data}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      nothingFoundMessage={ideas.isFetching ? t('common.loading') : t('ideas.picker.none')}
      error={error}
    />
  );
}

/** Merge idea `idea` (the duplicate) into another idea of its space. */
export function MergeDialog({ idea, opened, onClose, onDone }: { idea: { id: number; title: string; space_id: number } | null; opened: boolean; onClose: () => void; onDone: (kept: Idea) => void }) {
  const [into, setInto] = useState('');
  const { err, fail, setErrors } = useErrors(['into']);
  const save = useMutation({
    mutationFn: () => mergeIdea(idea?.id ?? 0, Number(into)),
    onSuccess: (kept) => {
      notifySuccess(t('ideas.merge.done', { title: kept.title }));
      setInto('');
      onDone(kept);
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal opened={opened && idea !== null} onClose={onClose} title={idea ? t('ideas.merge.title', { title: idea.title }) : ''} size="lg">
      {idea && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!into) setErrors({ into: t('form.required') });
            else save.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text fz="sm">{t('ideas.merge.intro')}</Text>
            <IdeaPicker spaceId={idea.space_id} exclude={[idea.id]} value={into} onChange={setInto} label={t('ideas.merge.into')} error={err('into')} />
            <Actions onCancel={onClose} busy={save.isPending} label={t('ideas.merge.action')} danger />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Say that this idea builds on another one of its space. */
export function BuildOnDialog({ idea, opened, onClose, onDone }: { idea: Idea; opened: boolean; onClose: () => void; onDone: (idea: Idea) => void }) {
  const [other, setOther] = useState('');
  const { err, fail, setErrors } = useErrors(['other']);
  const save = useMutation({
    mutationFn: () => addBuildsOn(idea.id, Number(other)),
    onSuccess: (updated) => {
      setOther('');
      onDone(updated);
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ideas.buildOn.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!other) setErrors({ other: t('form.required') });
          else save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text fz="sm">{t('ideas.buildOn.intro')}</Text>
          <IdeaPicker
            spaceId={idea.space_id}
            exclude={[idea.id, ...idea.builds_on.map((b) => b.id)]}
            value={other}
            onChange={setOther}
            label={t('ideas.buildOn.other')}
            error={err('other')}
          />
          <Actions onCancel={onClose} busy={save.isPending} label={t('ideas.buildOn.action')} />
        </Stack>
      </form>
    </Modal>
  );
}

// ---- status, edit, co-author, promote ------------------------------------------------------

export function StatusDialog({ idea, opened, onClose, onDone }: { idea: Idea; opened: boolean; onClose: () => void; onDone: (idea: Idea) => void }) {
  const initial = (SETTABLE_STATUSES as readonly string[]).includes(idea.status) ? (idea.status as SettableStatus) : 'new';
  const [status, setStatus] = useState<SettableStatus>(initial);
  const [reason, setReason] = useState(idea.decline_reason ?? '');
  const { err, fail, clear, setErrors } = useErrors(['status', 'reason']);
  const save = useMutation({
    mutationFn: () => setIdeaStatus(idea.id, status === 'declined' ? { status, reason: reason.trim() } : { status }),
    onSuccess: (updated) => {
      notifySuccess(t('ideas.status.changed', { status: statusLabel(updated.status) }));
      onDone(updated);
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ideas.status.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (status === 'declined' && !reason.trim()) setErrors({ reason: t('form.required') });
          else save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Select
            label={t('ideas.statusLabel')}
            data={SETTABLE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            value={status}
            allowDeselect={false}
            onChange={(v) => setStatus((v ?? 'new') as SettableStatus)}
            error={err('status')}
            data-autofocus
          />
          {status === 'declined' && (
            <Textarea
              label={t('ideas.status.reason')}
              description={t('ideas.status.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                clear('reason');
              }}
              error={err('reason')}
            />
          )}
          {status === 'selected' && <Text fz="xs" c="dimmed">{t('ideas.status.selectedHint')}</Text>}
          <Actions onCancel={onClose} busy={save.isPending} label={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EditIdeaDialog({ idea, opened, onClose, onDone }: { idea: Idea; opened: boolean; onClose: () => void; onDone: (idea: Idea) => void }) {
  const [title, setTitle] = useState(idea.title);
  const [description, setDescription] = useState(idea.description);
  const [tags, setTags] = useState<string[]>(idea.tags);
  const { err, fail, clear, setErrors } = useErrors(['title', 'description', 'tags']);
  const save = useMutation({
    mutationFn: () => updateIdea(idea.id, { title: title.trim(), description: description.trim(), tags: normaliseTags(tags), version: idea.version }),
    onSuccess: (updated) => {
      notifySuccess(t('ideas.edit.saved'));
      onDone(updated);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) notifyError(t('ideas.edit.conflict'));
      else fail(error);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ideas.edit.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const next: Errors = {};
          if (title.trim().length < 3) next.title = t('ideas.form.titleLength');
          if (!description.trim()) next.description = t('form.required');
          setErrors(next);
          if (Object.keys(next).length === 0) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('ideas.form.title')}
            required
            maxLength={200}
            data-autofocus
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              clear('title');
            }}
            error={err('title')}
          />
          <Textarea
            label={t('ideas.form.description')}
            description={t('ideas.markdownHint')}
            required
            autosize
            minRows={5}
            value={description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
              clear('description');
            }}
            error={err('description')}
          />
          <TagsInput label={t('ideas.form.tags')} maxTags={10} value={tags} onChange={setTags} error={err('tags')} splitChars={[',', ' ']} />
          <Actions onCancel={onClose} busy={save.isPending} label={t('common.saveChanges')} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CoAuthorDialog({ idea, opened, onClose, onDone }: { idea: Idea; opened: boolean; onClose: () => void; onDone: (idea: Idea) => void }) {
  const members = useSpaceMembers(idea.space_id, opened);
  const [userId, setUserId] = useState('');
  const { err, fail, setErrors } = useErrors(['user_id']);
  const authors = idea.authors.map((a) => a.id);
  const data = (members.data ?? [])
    .filter((m) => m.space_role !== 'guest' && !authors.includes(m.user.id))
    .map((m) => ({ value: String(m.user.id), label: m.user.display_name }));
  const save = useMutation({
    mutationFn: () => addCoAuthor(idea.id, Number(userId)),
    onSuccess: (updated) => {
      setUserId('');
      onDone(updated);
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ideas.coAuthor.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!userId) setErrors({ user_id: t('form.required') });
          else save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text fz="sm">{t('ideas.coAuthor.intro')}</Text>
          <Select
            label={t('ideas.coAuthor.person')}
            required
            searchable
            data-autofocus
            data={data}
            value={userId || null}
            onChange={(v) => setUserId(v ?? '')}
            nothingFoundMessage={members.isFetching ? t('common.loading') : t('ideas.coAuthor.nobody')}
            error={err('user_id')}
          />
          <Actions onCancel={onClose} busy={save.isPending} label={t('ideas.coAuthor.add')} />
        </Stack>
      </form>
    </Modal>
  );
}

const middleFit = (): FitAnswers => ({ problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 });

/** Promote into a project through the projects intake: framework, hypothesis and fit answers. */
export function PromoteDialog({ idea, opened, onClose, onDone }: { idea: Idea; opened: boolean; onClose: () => void; onDone: (project: ProjectRef) => void }) {
  const frameworks = useFrameworks(opened);
  const [frameworkId, setFrameworkId] = useState('');
  const [title, setTitle] = useState(idea.title);
  const [hypothesis, setHypothesis] = useState('');
  const [fit, setFit] = useState<FitAnswers>(middleFit);
  const { errors, err, fail, clear, setErrors } = useErrors(['framework_id', 'title', 'hypothesis', 'problem_statement', 'fit']);
  const options = (frameworks.data?.items ?? []).map((f) => ({ value: String(f.id), label: f.name }));
  const chosen = frameworkId || options[0]?.value || '';
  const invalidateIdeas = useInvalidateIdeas();
  const invalidateProjects = useInvalidateProjects();
  const save = useMutation({
    mutationFn: () => promoteIdea(idea.id, { framework_id: Number(chosen), hypothesis: hypothesis.trim(), fit, ...(title.trim() ? { title: title.trim() } : {}) }),
    onSuccess: (project) => {
      // The idea is now in a project (its page must not offer promotion again), and the project
      // is new on the board: neither may be read from the cache as it was.
      void invalidateIdeas();
      void invalidateProjects();
      notifySuccess(t('ideas.promote.done', { title: project.title }));
      onDone(project);
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ideas.promote.title')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const next: Errors = {};
          if (!chosen) next.framework_id = t('form.required');
          if (!hypothesis.trim()) next.hypothesis = t('form.required');
          setErrors(next);
          if (Object.keys(next).length === 0) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text fz="sm">{t('ideas.promote.intro')}</Text>
          <Select
            label={t('ideas.promote.framework')}
            required
            data={options}
            value={chosen || null}
            allowDeselect={false}
            onChange={(v) => setFrameworkId(v ?? '')}
            error={err('framework_id')}
          />
          <TextInput label={t('ideas.promote.projectTitle')} maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} />
          <Textarea
            label={t('ideas.promote.hypothesis')}
            description={t('ideas.promote.hypothesisHint')}
            required
            autosize
            minRows={2}
            maxLength={4000}
            data-autofocus
            value={hypothesis}
            onChange={(e) => {
              setHypothesis(e.currentTarget.value);
              clear('hypothesis');
            }}
            error={err('hypothesis')}
          />
          <FitQuestions answers={fit} errors={errors} onChange={(q, value) => setFit((f) => ({ ...f, [q]: value }))} />
          <Actions onCancel={onClose} busy={save.isPending} label={t('ideas.promote.action')} />
        </Stack>
      </form>
    </Modal>
  );
}
