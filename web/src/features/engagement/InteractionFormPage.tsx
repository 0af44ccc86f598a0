import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';
import { InteractionForm } from './InteractionForm';
import { parseId } from './labels';
import { useInteraction } from './queries';

const crumbs = [
  { label: t('engagement.title'), to: '/engagement' },
  { label: t('engagement.tab.interactions'), to: '/engagement/interactions' },
];

/** /engagement/interactions/new (?stakeholder_id=) and /engagement/interactions/:id/edit. */
export default function InteractionFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const interactionId = parseId(id);
  const editing = id !== undefined;
  const existing = useInteraction(interactionId);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/engagement/interactions'));

  if (editing) {
    if (interactionId === undefined) return <QueryError error={new Error('bad id')} />;
    if (existing.isPending) return <CardSkeleton lines={8} />;
    if (existing.isError) return <QueryError error={existing.error} retry={() => existing.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={editing ? t('engagement.interaction.editTitle') : t('engagement.interaction.newTitle')}
        crumbs={editing && existing.data ? [...crumbs, { label: existing.data.title, to: `/engagement/interactions/${existing.data.id}` }] : crumbs}
      />
      <InteractionForm
        existing={existing.data}
        prefillStakeholderId={parseId(params.get('stakeholder_id'))}
        onSaved={(saved) => navigate(`/engagement/interactions/${saved.id}`, { replace: true })}
        onCancel={back}
      />
    </>
  );
}
