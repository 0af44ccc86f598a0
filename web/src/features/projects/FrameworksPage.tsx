import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { canAdminister, useSignedIn } from '../auth/session';
import { createFramework, useFrameworks, useInvalidateProjects } from './queries';

function CreateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateProjects();
  const form = useProblemForm({ name: '', description: '' });
  const save = useMutation({
    // Version 1 is always the default template; the editor then publishes the adapted version 2.
    mutationFn: () => createFramework({ name: form.values.name.trim(), description: form.values.description.trim(), template: 'default' }),
    onSuccess: async (f) => {
      await invalidate();
      onClose();
      navigate(`/projects/frameworks/${f.id}`);
    },
    onError: (e) => form.fail(e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('projects.frameworks.new')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.values.name.trim()) return form.setErrors({ name: t('form.required') });
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('projects.frameworks.name')} required data-autofocus maxLength={200} {...form.text('name')} />
          <Textarea label={t('projects.frameworks.descriptionLabel')} autosize minRows={2} maxLength={2000} {...form.text('description')} />
          <div>
            <Text fz="sm" fw={500}>
              {t('projects.frameworks.template')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('projects.frameworks.templateHint')}
            </Text>
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('projects.frameworks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /projects/frameworks — the phase frameworks; admins and innovation managers create and version them. */
export default function FrameworksPage() {
  const { user } = useSignedIn();
  const manager = canAdminister(user.role);
  const frameworks = useFrameworks();
  const [opened, { open, close }] = useDisclosure(false);
  const create = manager ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('projects.frameworks.new')}
    </Button>
  ) : undefined;

  let body;
  if (frameworks.isPending) body = <TableSkeleton />;
  else if (frameworks.isError) body = <QueryError error={frameworks.error} retry={() => frameworks.refetch()} />;
  else if (frameworks.data.items.length === 0)
    body = (
      <EmptyState icon={<IconStack2 size={24} />} title={t('projects.frameworks.emptyTitle')} action={create}>
        {t('projects.frameworks.emptyBody')}
      </EmptyState>
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('projects.frameworks.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.frameworks.name')}</Table.Th>
                <Table.Th>{t('projects.frameworks.version')}</Table.Th>
                <Table.Th>{t('projects.frameworks.lastPublished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {frameworks.data.items.map((f) => {
                const last = f.versions.find((v) => v.version === f.current_version);
                return (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/projects/frameworks/${f.id}`} fz="sm" fw={500}>
                        {f.name}
                      </Anchor>
                      {f.description && (
                        <Text fz="xs" c="dimmed" lineClamp={1}>
                          {f.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{f.current_version > 0 ? t('projects.frameworks.versionN', { version: f.current_version }) : t('projects.frameworks.draft')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">
                        <RelativeTime iso={last?.published_at ?? null} />
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );

  return (
    <>
      <PageHeader title={t('projects.frameworks.title')} crumbs={[{ label: t('projects.title'), to: '/projects' }]} description={t('projects.frameworks.description')} actions={create} />
      {body}
      {manager && <CreateDialog opened={opened} onClose={close} />}
    </>
  );
}
