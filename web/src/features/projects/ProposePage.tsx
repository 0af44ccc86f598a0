import { ActionIcon, Button, Grid, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../messages';
import { PersonSelect, StakeholderSelect } from '../engagement/pickers';
import { FitQuestions, FitSummary } from './FitCheck';
import { fieldErrorsByPath, parseId, stakeholderRoleLabel } from './labels';
import { createProject, useFrameworks, useInvalidateProjects } from './queries';
import { FIT_QUESTIONS, STAKEHOLDER_ROLES, type FitAnswers, type ProjectStakeholderRole } from './types';
import classes from './projects.module.css';

interface TeamRow {
  uid: number;
  user_id: string;
  role: string;
}
interface StakeholderRow {
  uid: number;
  stakeholder_id: string;
  role: ProjectStakeholderRole;
  commitment: string;
}
interface KillRow {
  uid: number;
  text: string;
}

let uid = 0;
const nextUid = () => ++uid;
const roleOptions = STAKEHOLDER_ROLES.map((r) => ({ value: r, label: stakeholderRoleLabel(r) }));
const FLAT_FIELDS = ['title', 'problem_statement', 'hypothesis', 'framework_id', 'sponsor_id', 'budget', 'effort_days', 'team', 'stakeholders', 'kill_criteria', 'fit'];

const num = (v: number | string): number | null => (v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** /projects/new — propose a project, with the intake fit check scored as you answer. */
export default function ProposePage() {
  const navigate = useNavigate();
  const invalidate = useInvalidateProjects();
  const frameworks = useFrameworks();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [hypothesis, setHypothesis] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [sponsorId, setSponsorId] = useState('');
  const [team, setTeam] = useState<TeamRow[]>([]);
  const [stakeholders, setStakeholders] = useState<StakeholderRow[]>([]);
  const [kills, setKills] = useState<KillRow[]>([{ uid: nextUid(), text: '' }]);
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState('EUR');
  const [effort, setEffort] = useState<number | string>('');
  const [fit, setFit] = useState<FitAnswers>(() => Object.fromEntries(FIT_QUESTIONS.map((q) => [q, 3])) as FitAnswers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const clear = (...keys: string[]) => setErrors((e) => (keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, ''])) } : e));

  const frameworkOptions = (frameworks.data?.items ?? []).map((f) => ({ value: String(f.id), label: f.name }));
  const chosenFramework = frameworkId || frameworkOptions[0]?.value || '';

  const save = useMutation({
    mutationFn: () => {
      const amountValue = num(amount);
      return createProject({
        title: title.trim(),
        problem_statement: problem.trim(),
        hypothesis: hypothesis.trim(),
        framework_id: Number(chosenFramework),
        sponsor_id: parseId(sponsorId) ?? null,
        team: team.filter((r) => parseId(r.user_id)).map((r) => ({ user_id: Number(r.user_id), role: r.role.trim() })),
        stakeholders: stakeholders
          .filter((r) => parseId(r.stakeholder_id))
          .map((r) => ({ stakeholder_id: Number(r.stakeholder_id), role: r.role, commitment: r.commitment.trim() })),
        // Keys only name the criteria in paths (PUT …/kill-criteria/{key}); k1, k2, … in order.
        kill_criteria: kills.filter((k) => k.text.trim()).map((k, i) => ({ key: `k${i + 1}`, text: k.text.trim() })),
        budget: amountValue === null ? null : { amount: amountValue, currency: currency.trim().toUpperCase() },
        effort_days: num(effort),
        fit,
      });
    },
    onSuccess: async (project) => {
      await invalidate();
      notifySuccess(t('projects.proposed', { title: project.title }));
      navigate(`/projects/${project.id}`);
    },
    onError: (error) => {
      const byPath = error instanceof ApiError ? fieldErrorsByPath(error.problem.errors, t('problem.field_invalid')) : {};
      if (error instanceof ApiError && error.problem.field) byPath[error.problem.field] ??= error.problem.detail ?? t('problem.field_invalid');
      const { fieldErrors, message } = mapProblem(error, FLAT_FIELDS);
      setErrors({ ...fieldErrors, ...byPath });
      if (message) notifyError(message);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('form.required');
    if (!problem.trim()) next.problem_statement = t('form.required');
    if (!hypothesis.trim()) next.hypothesis = t('form.required');
    if (!chosenFramework) next.framework_id = t('form.required');
    if (amount !== '' && !/^[A-Za-z]{3}$/.test(currency.trim())) next['budget.currency'] = t('projects.field.currencyInvalid');
    // The inputs refuse decimals as typed; this catches what gets past them (a pasted value).
    if (amount !== '' && !Number.isInteger(Number(amount))) next['budget.amount'] = t('projects.field.wholeNumber');
    if (effort !== '' && !Number.isInteger(Number(effort))) next.effort_days = t('projects.field.wholeNumber');
    team.forEach((r, i) => {
      if (parseId(r.user_id) && !r.role.trim()) next[`team[${i}].role`] = t('form.required');
    });
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
    else requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const err = (key: string) => errors[key] || undefined;

  return (
    <>
      <PageHeader title={t('projects.new.title')} crumbs={[{ label: t('projects.title'), to: '/projects' }]} description={t('projects.new.description')} />
      <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
                <Stack gap="md">
                  <TextInput
                    label={t('projects.field.title')}
                    required
                    data-autofocus
                    maxLength={200}
                    value={title}
                    onChange={(e) => {
                      setTitle(e.currentTarget.value);
                      clear('title');
                    }}
                    error={err('title')}
                  />
                  <Textarea
                    label={t('projects.field.problem')}
                    description={t('projects.field.problemHint')}
                    required
                    autosize
                    minRows={3}
                    maxLength={4000}
                    value={problem}
                    onChange={(e) => {
                      setProblem(e.currentTarget.value);
                      clear('problem_statement');
                    }}
                    error={err('problem_statement')}
                  />
                  <Textarea
                    label={t('projects.field.hypothesis')}
                    description={t('projects.field.hypothesisHint')}
                    required
                    autosize
                    minRows={2}
                    maxLength={4000}
                    value={hypothesis}
                    onChange={(e) => {
                      setHypothesis(e.currentTarget.value);
                      clear('hypothesis');
                    }}
                    error={err('hypothesis')}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Select
                      label={t('projects.framework')}
                      required
                      data={frameworkOptions}
                      value={chosenFramework || null}
                      onChange={(v) => {
                        setFrameworkId(v ?? '');
                        clear('framework_id');
                      }}
                      allowDeselect={false}
                      error={err('framework_id')}
                      nothingFoundMessage={t('projects.frameworks.none')}
                    />
                    <PersonSelect
                      label={t('projects.sponsor')}
                      description={t('projects.field.sponsorHint')}
                      value={sponsorId}
                      onChange={(v) => {
                        setSponsorId(v);
                        clear('sponsor_id');
                      }}
                      clearable
                      error={err('sponsor_id')}
                    />
                  </SimpleGrid>
                </Stack>
              </Paper>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('projects.team')}</legend>
                <Stack gap="xs">
                  {team.length === 0 && <Text fz="sm" c="dimmed">{t('projects.field.teamEmpty')}</Text>}
                  {team.map((row, i) => (
                    <Group key={row.uid} gap="xs" align="flex-start" wrap="nowrap">
                      <PersonSelect
                        label={t('projects.field.teamMember', { n: i + 1 })}
                        value={row.user_id}
                        onChange={(v) => setTeam((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, user_id: v } : r)))}
                        error={err(`team[${i}].user_id`) ?? err(`team[${i}]`)}
                        style={{ flex: 1 }}
                      />
                      <TextInput
                        label={t('projects.field.teamRole', { n: i + 1 })}
                        placeholder={t('projects.field.teamRolePlaceholder')}
                        value={row.role}
                        onChange={(e) => {
                          const role = e.currentTarget.value;
                          setTeam((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, role } : r)));
                        }}
                        error={err(`team[${i}].role`)}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={t('projects.field.removeTeamMember', { n: i + 1 })}
                        onClick={() => setTeam((rows) => rows.filter((r) => r.uid !== row.uid))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setTeam((rows) => [...rows, { uid: nextUid(), user_id: '', role: '' }])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('projects.field.addTeamMember')}
                  </Button>
                </Stack>
              </fieldset>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('projects.stakeholders')}</legend>
                <Stack gap="xs">
                  {stakeholders.length === 0 && <Text fz="sm" c="dimmed">{t('projects.field.stakeholdersEmpty')}</Text>}
                  {stakeholders.map((row, i) => (
                    <Paper key={row.uid} withBorder radius="sm" p="xs">
                      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                        <StakeholderSelect
                          label={t('projects.field.stakeholder', { n: i + 1 })}
                          value={row.stakeholder_id}
                          exclude={stakeholders.filter((r) => r.uid !== row.uid).map((r) => Number(r.stakeholder_id))}
                          onChange={(v) => setStakeholders((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, stakeholder_id: v } : r)))}
                          error={err(`stakeholders[${i}].stakeholder_id`) ?? err(`stakeholders[${i}]`)}
                        />
                        <Select
                          label={t('projects.field.stakeholderRole', { n: i + 1 })}
                          data={roleOptions}
                          value={row.role}
                          allowDeselect={false}
                          onChange={(v) => setStakeholders((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, role: (v ?? 'customer') as ProjectStakeholderRole } : r)))}
                          error={err(`stakeholders[${i}].role`)}
                        />
                        <Group gap="xs" align="flex-start" wrap="nowrap">
                          <TextInput
                            label={t('projects.field.commitment', { n: i + 1 })}
                            placeholder={t('projects.field.commitmentPlaceholder')}
                            value={row.commitment}
                            onChange={(e) => {
                              const commitment = e.currentTarget.value;
                              setStakeholders((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, commitment } : r)));
                            }}
                            error={err(`stakeholders[${i}].commitment`)}
                            style={{ flex: 1 }}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            mt={26}
                            aria-label={t('projects.field.removeStakeholder', { n: i + 1 })}
                            onClick={() => setStakeholders((rows) => rows.filter((r) => r.uid !== row.uid))}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </SimpleGrid>
                    </Paper>
                  ))}
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setStakeholders((rows) => [...rows, { uid: nextUid(), stakeholder_id: '', role: 'customer', commitment: '' }])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('projects.field.addStakeholder')}
                  </Button>
                </Stack>
              </fieldset>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('projects.killCriteria')}</legend>
                <Text fz="xs" c="dimmed" mb="xs">
                  {t('projects.field.killHint')}
                </Text>
                <Stack gap="xs">
                  {kills.map((row, i) => (
                    <Group key={row.uid} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('projects.field.killCriterion', { n: i + 1 })}
                        placeholder={t('projects.field.killPlaceholder')}
                        value={row.text}
                        maxLength={500}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          setKills((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, text } : r)));
                        }}
                        error={err(`kill_criteria[${i}].text`) ?? err(`kill_criteria[${i}]`)}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={t('projects.field.removeKill', { n: i + 1 })}
                        onClick={() => setKills((rows) => rows.filter((r) => r.uid !== row.uid))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  {err('kill_criteria') && (
                    <Text c="red" fz="sm" role="alert">
                      {err('kill_criteria')}
                    </Text>
                  )}
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setKills((rows) => [...rows, { uid: nextUid(), text: '' }])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('projects.field.addKill')}
                  </Button>
                </Stack>
              </fieldset>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('projects.field.budgetEffort')}</legend>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  {/* The contract takes whole numbers only (Budget.amount, effort_days are integers). */}
                  <NumberInput
                    label={t('projects.field.budget')}
                    description={t('projects.field.budgetHint')}
                    min={0}
                    max={1_000_000_000_000}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator
                    value={amount}
                    onChange={(v) => {
                      setAmount(v);
                      clear('budget', 'budget.amount');
                    }}
                    error={err('budget.amount') ?? err('budget')}
                  />
                  <TextInput
                    label={t('projects.field.currency')}
                    description={t('projects.field.currencyHint')}
                    maxLength={3}
                    value={currency}
                    onChange={(e) => {
                      setCurrency(e.currentTarget.value);
                      clear('budget.currency');
                    }}
                    error={err('budget.currency')}
                  />
                  <NumberInput
                    label={t('projects.field.effort')}
                    description={t('projects.field.effortHint')}
                    min={0}
                    max={100_000}
                    allowDecimal={false}
                    allowNegative={false}
                    suffix={t('projects.field.daysSuffix')}
                    value={effort}
                    onChange={(v) => {
                      setEffort(v);
                      clear('effort_days');
                    }}
                    error={err('effort_days')}
                  />
                </SimpleGrid>
              </fieldset>

              <FitQuestions
                answers={fit}
                errors={errors}
                onChange={(q, value) => {
                  setFit((f) => ({ ...f, [q]: value }));
                  clear(`fit.${q}`);
                }}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
              <FitSummary answers={fit} />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => navigate(-1)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('projects.propose')}
                </Button>
              </Group>
              <Text fz="xs" c="dimmed" ta="right">
                {t('projects.form.submitHint')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
